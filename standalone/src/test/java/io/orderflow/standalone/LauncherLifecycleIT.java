package io.orderflow.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
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
 * with stdin an open pipe as from a terminal. And a stop right after a restart that followed SIGKILL, with a client
 * reading an order's server-sent events, takes no longer than any other stop.
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

    /**
     * Before the fixes the stop took 32 s here, for either of two reasons: the carrier updates' consumer closing with
     * Kafka's 30 s default while its JoinGroup waited for the killed member, and the web server's graceful shutdown
     * waiting 30 s for the open stream, which nothing ended.
     */
    @Test
    void stopsWithinFiveSecondsAfterARestartThatFollowedAKillWithAStreamOpen() throws Exception {
        Path dataDir = workDir.resolve("data");
        Map<String, String> environment = environment("data");
        var platform = new LaunchedPlatform(
                workDir,
                environment,
                // the killed run's consumer stays in its group for its session; two minutes keep the restarted
                // consumer's JoinGroup pending when it is stopped, however fast this machine restarts
                "--spring.kafka.consumer.properties.session.timeout.ms=120000");
        try {
            platform.start();
            platform.kill();
            platform.start();
            CompletableFuture<List<String>> stream = openStream(Integer.parseInt(environment.get("SERVER_PORT")));
            long begin = System.nanoTime();
            assertThat(platform.stop()).isIn(0, 143);
            double seconds = (System.nanoTime() - begin) / 1e9;
            System.out.printf(
                    "[measured] stopped in %.1f s after a restart that followed SIGKILL, with a stream open%n",
                    seconds);
            assertThat(seconds).isLessThanOrEqualTo(5.0);
            assertThat(stream.get(5, TimeUnit.SECONDS))
                    .as("the stream ends cleanly when the stop begins")
                    .anyMatch(line -> line.contains("\"status\":\"PAID\""));
            assertThat(LaunchedPlatform.processesUsing(dataDir))
                    .as("embedded servers left running")
                    .isEmpty();
        } finally {
            platform.killIfRunning();
        }
    }

    /**
     * A customer's order whose parcel waits for a carrier report on Kafka, so it stays {@code PAID}, and its stream
     * of server-sent events, open once its first event has arrived; the future completes with every line when the
     * stream ends.
     */
    private static CompletableFuture<List<String>> openStream(int port) throws Exception {
        var http = HttpClient.newHttpClient();
        String token = LaunchedPlatform.newCustomerToken(port);
        HttpResponse<String> placed = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/orders"))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("""
                                {"items":[{"productId":"PROD-004","quantity":1}],"paymentMethod":"pm_card_visa",
                                 "shippingAddress":{"recipient":"Ada Lovelace","line1":"12 Analytical St",
                                  "city":"London","postalCode":"%s","country":"GB"}}""".formatted(TestPlatform.CARRIER_REPORTS_ON_KAFKA)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(placed.statusCode()).as(placed.body()).isIn(201, 202);
        String orderId = TestPlatform.read(placed.body()).get("orderId").asString();
        var lines = new CopyOnWriteArrayList<String>();
        var paid = new CompletableFuture<Void>();
        CompletableFuture<List<String>> ended = http.sendAsync(
                        HttpRequest.newBuilder(
                                        URI.create("http://localhost:" + port + "/api/orders/" + orderId + "/stream"))
                                .header("Authorization", "Bearer " + token)
                                .build(),
                        HttpResponse.BodyHandlers.ofLines())
                .thenApply(response -> {
                    response.body().forEach(line -> {
                        lines.add(line);
                        if (line.contains("\"status\":\"PAID\"")) {
                            paid.complete(null);
                        }
                    });
                    return List.copyOf(lines);
                });
        paid.get(60, TimeUnit.SECONDS);
        return ended;
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
                Integer.toString(LaunchedPlatform.freePort()));
    }
}
