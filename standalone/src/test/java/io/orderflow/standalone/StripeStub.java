package io.orderflow.standalone;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local stand-in for Stripe's API, for the real {@code stripe-java} client: payment intents confirmed with manual
 * capture are authorized, then captured, cancelled or refunded, and an answer given to an idempotency key is given
 * again for it, as Stripe does (an error of Stripe's own is not kept: a retry with the key tries again). It can be
 * {@link #unavailable()} (every call a 503) or {@link #silent()} (each call carried out, its answer too late for the
 * client's timeout), and counts
 * the intents it created per OrderFlow payment.
 */
final class StripeStub implements AutoCloseable {

    private enum Mode {
        UP,
        UNAVAILABLE,
        SILENT
    }

    private final HttpServer server;
    private final Map<String, String> answers = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> intentsByPayment = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();
    private final AtomicInteger refusedCalls = new AtomicInteger();
    private volatile Mode mode = Mode.UP;

    StripeStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/v1/", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    void unavailable() {
        mode = Mode.UNAVAILABLE;
    }

    void silent() {
        mode = Mode.SILENT;
    }

    void up() {
        mode = Mode.UP;
    }

    /** Calls answered with a 503 or not at all. */
    int refusedCalls() {
        return refusedCalls.get();
    }

    /** How many intents were created for the OrderFlow payment: one, however often it was asked for. */
    int intentsOf(String paymentId) {
        AtomicInteger count = intentsByPayment.get(paymentId);
        return count == null ? 0 : count.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (mode == Mode.UNAVAILABLE) {
                refusedCalls.incrementAndGet();
                answer(exchange, 503, "{\"error\":{\"type\":\"api_error\",\"message\":\"Stripe is away\"}}");
                return;
            }
            String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
            String body = key == null ? null : answers.get(key);
            if (body == null) {
                body = perform(exchange.getRequestURI().getPath(), form(exchange));
                if (key != null) {
                    answers.put(key, body);
                }
            }
            if (mode == Mode.SILENT) {
                // the work is done, as at a Stripe whose answers are lost: only the idempotency key saves a second
                refusedCalls.incrementAndGet();
                sleep(5_000);
            }
            answer(exchange, 200, body);
        }
    }

    private String perform(String path, Map<String, String> form) {
        String[] parts = path.split("/");
        if (path.equals("/v1/payment_intents")) {
            String paymentId = form.get("metadata[payment_id]");
            intentsByPayment
                    .computeIfAbsent(paymentId, id -> new AtomicInteger())
                    .incrementAndGet();
            return intent("pi_stub_" + ids.incrementAndGet(), "requires_capture", form.get("amount"), paymentId);
        }
        if (path.equals("/v1/refunds")) {
            return "{\"id\":\"re_stub_%d\",\"object\":\"refund\",\"status\":\"succeeded\",\"payment_intent\":\"%s\"}"
                    .formatted(ids.incrementAndGet(), form.get("payment_intent"));
        }
        String status = switch (parts[parts.length - 1]) {
            case "capture" -> "succeeded";
            case "cancel" -> "canceled";
            default -> "requires_capture";
        };
        return intent(parts[3], status, "0", null);
    }

    private static String intent(String id, String status, String amount, String paymentId) {
        return "{\"id\":\"%s\",\"object\":\"payment_intent\",\"status\":\"%s\",\"amount\":%s,\"currency\":\"usd\","
                        .formatted(id, status, amount)
                + "\"capture_method\":\"manual\",\"metadata\":{\"payment_id\":\"%s\"}}".formatted(paymentId);
    }

    private static Map<String, String> form(HttpExchange exchange) throws IOException {
        var form = new HashMap<String, String>();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        for (String pair : body.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                form.put(
                        URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
