package io.orderflow.standalone.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The schema migrations of every module, as Flyway finds them on the class path, applied over an installation of an
 * earlier version: what the earlier version kept is still found under the names the code uses now.
 */
class MigrationsTest {

    @TempDir
    Path dataDir;

    @Test
    void anInstallationFromBeforeTheRenameKeepsTheInventoryProjectionsPositionAndDeadLetters() throws IOException {
        try (var postgres = EmbeddedPostgres.start(dataDir, FreePorts.any())) {
            var dataSource = new DriverManagerDataSource(postgres.jdbcUrl(), "postgres", "");
            var jdbc = new JdbcTemplate(dataSource);
            migrate(dataSource, "5");
            jdbc.update("insert into tokenentry (processorname, segment, tokentype) values ('catalog-projection', 0,"
                    + " 'org.axonframework.eventhandling.GlobalSequenceTrackingToken')");
            jdbc.update("insert into deadletterentry (deadletteridentifier, processinggroup, sequenceidentifier,"
                    + " sequenceindex, messagetype, eventidentifier, timestamp, payloadtype, payload, enqueuedat)"
                    + " values ('dl-1', 'catalog-projection', 'PROD-001', 0, 'event', 'event-1', 'now', 'type',"
                    + " 'x'::bytea, 'now')");

            migrate(dataSource, "latest");

            assertThat(jdbc.queryForList("select processorname from tokenentry", String.class))
                    .containsExactly("inventory-projection");
            assertThat(jdbc.queryForList("select processinggroup from deadletterentry", String.class))
                    .containsExactly("inventory-projection");
        }
    }

    private static void migrate(DriverManagerDataSource dataSource, String version) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .target(version)
                .load()
                .migrate();
    }
}
