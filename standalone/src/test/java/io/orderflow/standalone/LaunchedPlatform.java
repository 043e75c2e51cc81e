package io.orderflow.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged launcher run as its own process, as a user runs it ({@code java -jar orderflow-standalone.jar}),
 * with its output kept in {@code launcher.log} under the working directory.
 */
final class LaunchedPlatform {

    private static final Pattern READY = Pattern.compile("OrderFlow ready in ([0-9.]+) s");

    private final Path workDir;
    private final Map<String, String> environment;
    private final List<String> args;
    private Process process;

    LaunchedPlatform(Path workDir, Map<String, String> environment, String... args) {
        this.workDir = workDir;
        this.environment = environment;
        this.args = List.of(args);
    }

    /** Starts the launcher and waits for its ready line; answers the start-up time it printed, in seconds. */
    double start() throws Exception {
        var command = new ArrayList<>(List.of("java", "-jar", System.getProperty("orderflow.jar")));
        command.addAll(args);
        var launcher = new ProcessBuilder(command).redirectErrorStream(true).directory(workDir.toFile());
        launcher.environment().putAll(environment);
        process = launcher.start();
        Process started = process;
        Path log = workDir.resolve("launcher.log");
        return CompletableFuture.supplyAsync(() -> awaitReadyLine(started, log)).get(180, TimeUnit.SECONDS);
    }

    /**
     * Runs the launcher on a start that cannot succeed, with its stdin a pipe that stays open as a terminal does;
     * answers its exit code, or fails when it still runs after the limit (then stops it, SIGTERM first).
     */
    int runToExit(Duration limit) throws Exception {
        // a life of seconds needs no optimizing compiler and no parallel collector: the CPU goes to the cases beside
        var command = new ArrayList<>(List.of(
                "java", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", System.getProperty("orderflow.jar")));
        command.addAll(args);
        Path log = workDir.resolve("launcher.log");
        var launcher = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .directory(workDir.toFile());
        launcher.environment().putAll(environment);
        process = launcher.start();
        if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            throw new AssertionError(
                    "still running " + limit.toSeconds() + " s after a start that cannot succeed; see " + log);
        }
        return process.exitValue();
    }

    /** The processes whose command line names the directory: the launcher and the PostgreSQL server it started. */
    static List<ProcessHandle> processesUsing(Path directory) {
        return ProcessHandle.allProcesses()
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info()
                        .commandLine()
                        .map(command -> command.contains(directory.toString()))
                        .orElse(false))
                .toList();
    }

    /** Everything the launcher printed so far. */
    String log() throws IOException {
        return Files.readString(workDir.resolve("launcher.log"));
    }

    /** Signs up a new customer on the platform listening at the port and answers its bearer token. */
    static String newCustomerToken(int port) throws Exception {
        var http = HttpClient.newHttpClient();
        String email = "customer-" + UUID.randomUUID() + "@example.com";
        String credentials = "{\"email\":\"%s\",\"name\":\"Grace Hopper\",\"password\":\"%s\"}"
                .formatted(email, TestPlatform.PASSWORD);
        for (String step : List.of("signup", "signin")) {
            var response = http.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/auth/" + step))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(credentials))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new AssertionError(step + " refused: " + response.statusCode() + " " + response.body());
            }
            if (step.equals("signin")) {
                return TestPlatform.read(response.body()).get("accessToken").asString();
            }
        }
        throw new IllegalStateException("unreachable");
    }

    /**
     * A new customer's order whose parcel waits for a carrier report on Kafka, so it stays {@code PAID}, and its
     * stream of server-sent events, open once the {@code PAID} event has arrived; the future completes with every
     * line when the stream ends.
     */
    static CompletableFuture<List<String>> openOrderStream(int port) throws Exception {
        var http = HttpClient.newHttpClient();
        String token = newCustomerToken(port);
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

    long pid() {
        return process.pid();
    }

    /** SIGTERM, as Ctrl+C or a service manager stops it; answers the exit code. */
    int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            throw new AssertionError("still running 60 s after SIGTERM");
        }
        return process.exitValue();
    }

    /** SIGKILL: no shutdown hook runs, nothing is flushed. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    void killIfRunning() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
        }
    }

    private static double awaitReadyLine(Process process, Path log) {
        var reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        try {
            String line;
            while ((line = reader.readLine()) != null) {
                append(log, line);
                Matcher ready = READY.matcher(line);
                if (ready.find()) {
                    drainInBackground(reader, log);
                    return Double.parseDouble(ready.group(1));
                }
            }
            throw new IllegalStateException("The launcher ended without a ready line; see " + log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void drainInBackground(BufferedReader reader, Path log) {
        Thread drain = new Thread(() -> {
            try (reader) {
                String line;
                while ((line = reader.readLine()) != null) {
                    append(log, line);
                }
            } catch (IOException ended) {
                // the process ended
            }
        });
        drain.setDaemon(true);
        drain.start();
    }

    private static void append(Path log, String line) throws IOException {
        Files.writeString(
                log,
                line + System.lineSeparator(),
                StandardCharsets.UTF_8,
                StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }
}
