package io.orderflow.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.standalone.embedded.FreePorts;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The packaged launcher's life at its edges. A start that cannot succeed ends by itself, with exit code 1, its last
 * line saying what to change, and no embedded server left running: whatever threads a library leaves behind, and
 * with stdin an open pipe as from a terminal. (A stop right after a restart that followed SIGKILL is
 * {@code PackagedLauncherIT}'s.)
 */
@Execution(ExecutionMode.CONCURRENT) // each case is a process of its own, on a data directory and ports of its own
class LauncherLifecycleIT {

    private static final Duration FAILED_START_LIMIT = Duration.ofSeconds(120);

    /** Kept when a case fails, with its launcher log. */
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path workDir;

    @ParameterizedTest
    @ValueSource(strings = {"SERVER_PORT", "ORDERFLOW_POSTGRES_PORT", "ORDERFLOW_KAFKA_PORT", "ORDERFLOW_MONGO_PORT"})
    void aTakenPortEndsTheStartSayingWhichSettingToChange(String variable) throws Exception {
        // bound and listening but never answering: the worst neighbour, PostgreSQL's readiness check waited on it
        try (var taken = variable.equals("SERVER_PORT")
                ? new ServerSocket(0)
                : new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            var environment = new HashMap<>(environment("data"));
            environment.put(variable, Integer.toString(taken.getLocalPort()));
            assertFailedStart(environment, variable);
        }
    }

    @Test
    void anUnwritableDataDirectoryEndsTheStart() throws Exception {
        Files.writeString(workDir.resolve("a-file"), "not a directory");
        var environment = new HashMap<>(environment("data"));
        environment.put("ORDERFLOW_DATA_DIR", workDir.resolve("a-file/data").toString());
        assertFailedStart(environment, "ORDERFLOW_DATA_DIR");
    }

    /**
     * Before the fix this hung only when the demo catalog's runner came before the admin seeder (Spring Boot orders
     * runners of equal precedence by identity hash): its command started Axon 4.13.0's non-daemon janitor thread.
     */
    @Test
    void aRefusedAdminPasswordEndsTheStart() throws Exception {
        var environment = new HashMap<>(environment("data"));
        environment.put("ORDERFLOW_ADMIN_PASSWORD", "admin-orderflow-1");
        assertFailedStart(environment, "ORDERFLOW_ADMIN_PASSWORD");
    }

    @Test
    void aPublisherBatchOfNoEventsEndsTheStartNamingTheSetting() throws Exception {
        var environment = new HashMap<>(environment("data"));
        environment.put("ORDERFLOW_KAFKA_PUBLISHER_BATCH_SIZE", "0");
        assertFailedStart(environment, "ORDERFLOW_KAFKA_PUBLISHER_BATCH_SIZE");
    }

    private void assertFailedStart(Map<String, String> environment, String setting) throws Exception {
        var platform = new LaunchedPlatform(workDir, environment);
        long begin = System.nanoTime();
        int exitCode = platform.runToExit(FAILED_START_LIMIT);
        System.out.printf(
                "[measured] a start with a wrong %s ended after %.1f s%n", setting, (System.nanoTime() - begin) / 1e9);

        assertThat(exitCode).isEqualTo(1);
        List<String> lines =
                platform.log().lines().filter(line -> !line.isBlank()).toList();
        assertThat(lines.get(lines.size() - 1))
                .contains("OrderFlow did not start: ")
                .contains(setting);
        assertThat(LaunchedPlatform.processesUsing(Path.of(environment.get("ORDERFLOW_DATA_DIR"))))
                .as("embedded servers left running")
                .isEmpty();
    }

    private Map<String, String> environment(String dataDir) {
        return Map.of(
                "ORDERFLOW_DATA_DIR",
                workDir.resolve(dataDir).toString(),
                "SERVER_PORT",
                Integer.toString(FreePorts.any()));
    }
}
