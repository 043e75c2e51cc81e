package io.orderflow.standalone;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The packaged launcher as a user runs it ({@code java -jar standalone/target/orderflow-standalone.jar}): it prints
 * its ready line, takes an order, stops cleanly on SIGTERM with its embedded PostgreSQL, and finds the order again
 * when started on the same data directory. Prints the start-up time and resident memory it measured.
 */
class LauncherIT {

    private static final Pattern READY = Pattern.compile("OrderFlow ready in ([0-9.]+) s");
    private static final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path dataDir;
    private Process process;

    @AfterEach
    void killLeftovers() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
        }
    }

    @Test
    void startsTakesAnOrderStopsCleanlyAndKeepsTheOrderAcrossARestart() throws Exception {
        int port = freePort();
        double firstStart = start(port);
        HttpResponse<String> placed = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/orders"))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", "launcher-it")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"items":[{"productId":"PROD-004","quantity":1}],"paymentMethod":"pm_card_visa",
                         "shippingAddress":{"recipient":"Grace Hopper","line1":"1 Harbor Rd","city":"Arlington",
                                            "postalCode":"22201","country":"US"}}"""))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(placed.statusCode()).isEqualTo(201);
        String location = placed.headers().firstValue("Location").orElseThrow();
        awaitOrder(location);
        long residentKb = residentKilobytes(process.pid());

        stopWithSigterm();
        assertThat(processesUsing(dataDir)).as("embedded servers left running").isEmpty();

        double secondStart = start(port);
        assertThat(awaitOrder(location)).contains("\"total\":{\"amount\":129.99");
        stopWithSigterm();
        assertThat(processesUsing(dataDir)).isEmpty();

        System.out.printf("[measured] ready after %.1f s on an empty data directory, %.1f s on restart; "
                + "resident memory %d MiB with one order%n", firstStart, secondStart, residentKb / 1024);
    }

    private double start(int port) throws Exception {
        var launcher = new ProcessBuilder("java", "-jar", System.getProperty("orderflow.jar"))
                .redirectErrorStream(true)
                .directory(dataDir.toFile());
        launcher.environment().put("ORDERFLOW_DATA_DIR", dataDir.resolve("data").toString());
        launcher.environment().put("SERVER_PORT", Integer.toString(port));
        process = launcher.start();
        Path log = dataDir.resolve("launcher.log");
        Process started = process;
        return CompletableFuture.supplyAsync(() -> awaitReadyLine(started, log)).get(180, TimeUnit.SECONDS);
    }

    private static double awaitReadyLine(Process process, Path log) {
        try (var reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                Files.writeString(log, line + System.lineSeparator(), StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                Matcher ready = READY.matcher(line);
                if (ready.find()) {
                    drainInBackground(reader, log);
                    return Double.parseDouble(ready.group(1));
                }
            }
            throw new IllegalStateException("The launcher ended without a ready line; see " + log);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void drainInBackground(BufferedReader reader, Path log) {
        Thread drain = new Thread(() -> {
            try {
                String line;
                while ((line = reader.readLine()) != null) {
                    Files.writeString(log, line + System.lineSeparator(), StandardCharsets.UTF_8,
                            StandardOpenOption.APPEND);
                }
            } catch (IOException ignored) {
                // the process ended
            }
        });
        drain.setDaemon(true);
        drain.start();
    }

    private String awaitOrder(String location) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> http.send(HttpRequest.newBuilder(URI.create(location)).build(),
                        HttpResponse.BodyHandlers.ofString()), response -> response.statusCode() == 200)
                .body();
    }

    private void stopWithSigterm() throws InterruptedException {
        process.destroy();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("stopped within 60 s of SIGTERM").isTrue();
        // 143 = ended by SIGTERM after the shutdown hooks ran
        assertThat(process.exitValue()).isIn(0, 143);
    }

    private static List<ProcessHandle> processesUsing(Path directory) {
        return ProcessHandle.allProcesses()
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().commandLine().map(command -> command.contains(directory.toString())).orElse(false))
                .toList();
    }

    private static long residentKilobytes(long pid) throws IOException {
        return Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream()
                .filter(line -> line.startsWith("VmRSS:"))
                .map(line -> line.replaceAll("\\D", ""))
                .mapToLong(Long::parseLong)
                .findFirst().orElse(-1);
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
