package io.orderflow.standalone;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The packaged launcher as a user runs it: it prints its ready line, takes an order, stops cleanly on SIGTERM with
 * its embedded PostgreSQL, and finds the order again when started on the same data directory. Prints the start-up
 * time and resident memory it measured.
 */
class LauncherIT {

    private static final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path workDir;
    private LaunchedPlatform platform;

    @AfterEach
    void killLeftovers() {
        platform.killIfRunning();
    }

    @Test
    void startsTakesAnOrderStopsCleanlyAndKeepsTheOrderAcrossARestart() throws Exception {
        int port = LaunchedPlatform.freePort();
        platform = new LaunchedPlatform(workDir, Map.of("ORDERFLOW_DATA_DIR", workDir.resolve("data").toString(),
                "SERVER_PORT", Integer.toString(port)));
        double firstStart = platform.start();
        assertThat(platform.log()).as("the first ADMIN's generated password is shown")
                .containsPattern("Created the ADMIN account admin@orderflow.local with the generated password \\S{20,}");
        String token = LaunchedPlatform.newCustomerToken(port);
        HttpResponse<String> placed = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/orders"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", "launcher-it")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"items":[{"productId":"PROD-004","quantity":1}],"paymentMethod":"pm_card_visa",
                         "shippingAddress":{"recipient":"Grace Hopper","line1":"1 Harbor Rd","city":"Arlington",
                                            "postalCode":"22201","country":"US"}}"""))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(placed.statusCode()).isEqualTo(201);
        String location = placed.headers().firstValue("Location").orElseThrow();
        awaitOrder(location, token);
        long residentKb = residentKilobytes(platform.pid());

        // 143 = ended by SIGTERM after the shutdown hooks ran
        assertThat(platform.stop()).isIn(0, 143);
        assertThat(processesUsing(workDir)).as("embedded servers left running").isEmpty();

        double secondStart = platform.start();
        assertThat(awaitOrder(location, token)).as("the token signed before the restart is still good")
                .contains("\"total\":{\"amount\":129.99");
        assertThat(platform.log().split("generated password", -1)).as("the password is shown once only").hasSize(2);
        assertThat(platform.stop()).isIn(0, 143);
        assertThat(processesUsing(workDir)).isEmpty();

        System.out.printf("[measured] ready after %.1f s on an empty data directory, %.1f s on restart; "
                + "resident memory %d MiB with one order%n", firstStart, secondStart, residentKb / 1024);
    }

    private static String awaitOrder(String location, String token) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> http.send(HttpRequest.newBuilder(URI.create(location)).header("Authorization", "Bearer " + token).build(),
                        HttpResponse.BodyHandlers.ofString()), response -> response.statusCode() == 200)
                .body();
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
}
