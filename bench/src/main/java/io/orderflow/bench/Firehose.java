package io.orderflow.bench;

import io.orderflow.api.order.OrderStatus;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** When each order was first seen in each status on the operators' firehose ({@code GET /api/orders/stream}). */
final class Firehose implements AutoCloseable {

    static final Set<String> ENDS = Arrays.stream(OrderStatus.values())
            .filter(OrderStatus::isTerminal)
            .map(OrderStatus::name)
            .collect(Collectors.toUnmodifiableSet());
    private static final JsonMapper json = JsonMapper.builder().build();

    private final Map<String, Long> firstSeen = new ConcurrentHashMap<>();
    private volatile Stream<String> lines;
    private CompletableFuture<Void> stream = CompletableFuture.completedFuture(null);

    /** Follows the platform's firehose with an ADMIN token until closed. */
    static Firehose watch(HttpClient http, String url, String adminToken) {
        var firehose = new Firehose();
        var request = HttpRequest.newBuilder(URI.create(url + "/api/orders/stream"))
                .header("Authorization", "Bearer " + adminToken)
                .header("Accept", "text/event-stream")
                .build();
        firehose.stream = http.sendAsync(request, HttpResponse.BodyHandlers.ofLines())
                .thenAccept(response -> {
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException("the firehose answered " + response.statusCode());
                    }
                    firehose.lines = response.body();
                    firehose.lines.filter(line -> line.startsWith("data:")).forEach(line -> {
                        JsonNode order = json.readTree(line.substring(5));
                        firehose.saw(
                                order.get("orderId").asString(),
                                order.get("status").asString(),
                                System.nanoTime());
                    });
                });
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

    /** Fails when the stream broke off (refused, or dropped): what it saw is then not all there was to see. */
    void checkStillWatching() {
        if (stream.isDone()) {
            stream.join();
            throw new IllegalStateException("the firehose ended before the run did");
        }
    }

    /** Ends the stream, so that the platform no longer pushes every change to it. */
    @Override
    public void close() {
        Stream<String> open = lines;
        if (open != null) {
            open.close();
        }
        stream.cancel(true);
    }
}
