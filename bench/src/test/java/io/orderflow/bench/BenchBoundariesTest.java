package io.orderflow.bench;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The tools that measure the platform stay out of it: no class of the product depends on this module. Maven keeps
 * the modules from depending on it; this keeps a copy or a reflective reach from doing so.
 */
class BenchBoundariesTest {

    private static final JavaClasses ORDERFLOW = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.orderflow");

    @Test
    void nothingInTheProductDependsOnTheBenchmarkTools() {
        assertThat(ORDERFLOW.containPackage("io.orderflow.standalone"))
                .as("the product is on the class path")
                .isTrue();
        assertThat(ORDERFLOW.containPackage("io.orderflow.gateway")).isTrue();
        noClasses()
                .that()
                .resideOutsideOfPackage("io.orderflow.bench..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.orderflow.bench..")
                .check(ORDERFLOW);
    }
}
