package io.orderflow.standalone;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Arrays;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.spring.stereotype.Aggregate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The module boundaries of DESIGN.md, checked on the compiled classes of every module: each module speaks to the
 * others only through core-api's messages, core-api knows no Spring, aggregates know no Spring, and the gateway
 * reaches the domain only through the command and query gateways.
 */
class ModuleBoundariesTest {

    private static final String[] MODULES = {
        "io.orderflow.command..",
        "io.orderflow.saga..",
        "io.orderflow.query..",
        "io.orderflow.kafka..",
        "io.orderflow.gateway..",
        "io.orderflow.axonserver..",
        "io.orderflow.standalone.."
    };

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.orderflow");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "io.orderflow.command..",
                "io.orderflow.saga..",
                "io.orderflow.query..",
                "io.orderflow.kafka..",
                "io.orderflow.gateway..",
                "io.orderflow.axonserver.."
            })
    void moduleDependsOnNoOtherModuleButCoreApi(String module) {
        String[] others =
                Arrays.stream(MODULES).filter(other -> !other.equals(module)).toArray(String[]::new);
        noClasses()
                .that()
                .resideInAPackage(module)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(others)
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void coreApiIsPlainJavaWithoutSpring() {
        noClasses()
                .that()
                .resideInAPackage("io.orderflow.api..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.springframework..",
                        "io.orderflow.command..",
                        "io.orderflow.saga..",
                        "io.orderflow.query..",
                        "io.orderflow.kafka..",
                        "io.orderflow.gateway..",
                        "io.orderflow.axonserver..",
                        "io.orderflow.standalone..")
                .check(classes);
    }

    @Test
    void aggregatesDecideWithoutSpring() {
        classes()
                .that()
                .areAnnotatedWith(Aggregate.class)
                .should()
                .onlyDependOnClassesThat()
                .resideOutsideOfPackage("org.springframework..")
                .check(classes);
    }

    @Test
    void gatewayReachesTheDomainOnlyThroughCommandsAndQueries() {
        // accounts are the gateway's own state, kept in its own tables, and no part of the domain
        noClasses()
                .that()
                .resideInAPackage("io.orderflow.gateway..")
                .and()
                .resideOutsideOfPackage("io.orderflow.gateway.account..")
                .should()
                .dependOnClassesThat(resideInAnyPackage(
                                "org.axonframework.modelling..",
                                "org.axonframework.eventsourcing..",
                                "org.springframework.data..",
                                "org.springframework.jdbc..")
                        // the failures they report may be answered, as a conflict for example
                        .and(not(assignableTo(Exception.class))))
                .check(classes);
    }

    @Test
    void projectionsAndQueriesDoNotSendCommands() {
        noClasses()
                .that()
                .resideInAPackage("io.orderflow.query..")
                .should()
                .dependOnClassesThat()
                .areAssignableTo(CommandGateway.class)
                .orShould()
                .dependOnClassesThat()
                .areAssignableTo(CommandBus.class)
                .check(classes);
    }
}
