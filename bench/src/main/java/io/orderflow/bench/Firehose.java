package io.orderflow.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** When each order was first seen in each status on the operators' firehose ({@code GET /api/orders/stream}). */
final class Firehose implements AutoCloseable {

    static final Set<String> ENDS = Set.of("DELIVERED", "CANCELLED", "REJECTED", "EXPIRED");
    private static final JsonMapper json = JsonMapper.builder().build();

    private final Map<String, Long> firstSeen = new ConcurrentHashMap<>();
    private CompletableFuture<Void> stream = CompletableFuture.completedFuture(null);

    /** Follows the platform's firehose with an ADMIN token until closed. */
    static Firehose watch(HttpClient http, String url, String adminToken) {
        var firehose = new Firehose();
        var request = HttpRequest.newBuilder(URI.create(url + "/api/orders/stream"))
                .header("Authorization", "Bearer " + adminToken)
                .header("Accept", "text/event-stream")
                .build();
        firehose.stream = http.sendAsync(request, HttpResponse.BodyHandlers.ofLines())
                .thenAccept(response -> response.body()
                        .filter(line -> line.startsWith("data:"))
                        .forEach(line -> {
                            JsonNode order = json.readTree(line.substring(5));
                            firehose.saw(
                                    order.get("orderId").asString(),
                                    order.get("status").asString(),
                                    System.nanoTime());
                        }));
        return firehose;
    }

    /** Records that the order was in the status at the time (System.nanoTime), unless it was seen in it before. */
    void saw(String orderId, String status, long at) {
        firstSeen.putIfAbsent(orderId + " " + status, at);
    }

    /** When the order was first seen in the status, or null. */
    Long at(String orderId, String status) {
        return firstSeen.get(orderId + " " + status);
    }

    boolean hasEnded(String orderId) {
        return ENDS.stream().anyMatch(end -> at(orderId, end) != null);
    }

    @Override
    public void close() {
        stream.cancel(true);
    }
}
