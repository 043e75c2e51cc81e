package io.orderflow.distributed;

import static org.awaitility.Awaitility.await;

import io.orderflow.bench.DistributedPlatform;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The gateway's HTTP API as a client program calls it, with one caller's bearer token. */
final class Api {

    static final JsonMapper json = JsonMapper.builder().build();
    static final String PASSWORD = "correct horse battery staple";
    static final List<String> FINAL = List.of("DELIVERED", "CANCELLED", "REJECTED", "EXPIRED");

    private static final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String base;
    private final String token;

    private Api(String base, String token) {
        this.base = base;
        this.token = token;
    }

    /** A new customer, signed up and signed in. */
    static Api newCustomer(String base) {
        return signedUp(base, "customer-" + UUID.randomUUID() + "@example.com");
    }

    /** A new customer with this email, signed up and signed in. */
    static Api signedUp(String base, String email) {
        var anonymous = new Api(base, null);
        var signedUp = anonymous.send(
                "POST",
                "/api/auth/signup",
                "{\"email\":\"%s\",\"name\":\"Distributed Customer\",\"password\":\"%s\"}".formatted(email, PASSWORD));
        expect(signedUp, 201);
        return signedIn(base, email, PASSWORD);
    }

    static Api admin(String base) {
        return signedIn(base, DistributedPlatform.ADMIN_EMAIL, DistributedPlatform.ADMIN_PASSWORD);
    }

    static Api signedIn(String base, String email, String password) {
        var response = new Api(base, null)
                .send("POST", "/api/auth/signin", "{\"email\":\"%s\",\"password\":\"%s\"}".formatted(email, password));
        expect(response, 200);
        return new Api(base, read(response.body()).get("accessToken").asString());
    }

    /** Places an order; answers the response, whose status a test checks. */
    HttpResponse<String> place(String itemsJson, String paymentMethod) {
        return send("POST", "/api/orders", """
                {"items":%s,
                 "shippingAddress":{"recipient":"Ada Lovelace","line1":"12 Analytical St","city":"London",
                                    "postalCode":"N1 9GU","country":"GB"},
                 "paymentMethod":"%s"}""".formatted(itemsJson, paymentMethod));
    }

    /** Places an order and answers its id, requiring the 201 that says the read model has it. */
    String placeOrder(String itemsJson, String paymentMethod) {
        var response = place(itemsJson, paymentMethod);
        expect(response, 201);
        return read(response.body()).get("orderId").asString();
    }

    JsonNode order(String orderId) {
        var response = get("/api/orders/" + orderId);
        expect(response, 200);
        return read(response.body());
    }

    JsonNode awaitStatus(String orderId, Duration atMost, String... statuses) {
        return await().atMost(atMost)
                .pollInterval(Duration.ofMillis(250))
                .until(
                        () -> order(orderId),
                        order -> Arrays.asList(statuses)
                                .contains(order.get("status").asString()));
    }

    JsonNode awaitFinal(String orderId, Duration atMost) {
        return awaitStatus(orderId, atMost, FINAL.toArray(String[]::new));
    }

    /** Available and reserved stock of a product, from the catalog's read model. */
    int[] stock(String productId) {
        var response = get("/api/products/" + productId);
        expect(response, 200);
        JsonNode product = read(response.body());
        return new int[] {
            product.get("stockAvailable").asInt(), product.get("stockReserved").asInt()
        };
    }

    HttpResponse<String> get(String path) {
        return send("GET", path, null);
    }

    HttpResponse<String> post(String path, String body) {
        return send("POST", path, body);
    }

    HttpResponse<String> send(String method, String path, String body) {
        var request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(60))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The order's SSE stream read to its end: every {@code data:} line, in order. */
    List<JsonNode> stream(String orderId, Duration atMost) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(base + "/api/orders/" + orderId + "/stream"))
                .timeout(atMost)
                .header("Accept", "text/event-stream")
                .header("Authorization", "Bearer " + token)
                .build();
        var response = http.send(request, HttpResponse.BodyHandlers.ofLines());
        expect(response.statusCode(), 200, "stream of " + orderId);
        return response.body()
                .filter(line -> line.startsWith("data:"))
                .map(line -> read(line.substring(5)))
                .toList();
    }

    static JsonNode read(String body) {
        return json.readTree(body);
    }

    static void expect(HttpResponse<String> response, int status) {
        expect(
                response.statusCode(),
                status,
                response.request().method() + " " + response.uri() + ": " + response.body());
    }

    private static void expect(int actual, int status, String what) {
        if (actual != status) {
            throw new AssertionError("expected " + status + " but got " + actual + " for " + what);
        }
    }
}
