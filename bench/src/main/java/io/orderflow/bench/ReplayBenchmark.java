package io.orderflow.bench;

import com.mongodb.client.MongoClients;
import io.orderflow.api.common.Money;
import io.orderflow.api.operations.FindProcessorStatusQuery;
import io.orderflow.api.operations.ProcessorStatus;
import io.orderflow.api.operations.ProcessorStatusList;
import io.orderflow.api.operations.ReplayProjectionCommand;
import io.orderflow.api.order.OrderAwaitingPaymentEvent;
import io.orderflow.api.order.OrderDeliveredEvent;
import io.orderflow.api.order.OrderLine;
import io.orderflow.api.order.OrderPaidEvent;
import io.orderflow.api.order.OrderPlacedEvent;
import io.orderflow.api.order.OrderShippedEvent;
import io.orderflow.api.order.ShippingAddress;
import io.orderflow.api.payment.PaymentAuthorizedEvent;
import io.orderflow.api.payment.PaymentCapturedEvent;
import io.orderflow.api.shipping.ShipmentCreatedEvent;
import io.orderflow.api.shipping.ShipmentDeliveredEvent;
import io.orderflow.api.shipping.ShipmentDispatchedEvent;
import io.orderflow.query.QuerySide;
import io.orderflow.standalone.StandalonePlatform;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.bson.Document;

/**
 * Measures projection replay over a store of at least 100,000 events: fills the event store of a fresh standalone
 * platform with complete order histories (10 events an order, through the real event store), lets the projections
 * catch up live, then replays one projection alone and all of them together, and prints the rates. Run it with
 * {@code java -Dloader.path=bench/target/orderflow-bench.jar -Dloader.main=io.orderflow.bench.ReplayBenchmark
 * -cp standalone/target/orderflow-standalone.jar org.springframework.boot.loader.launch.PropertiesLauncher [orders,
 * 10000 by default]}.
 */
public final class ReplayBenchmark {

    private static final ShippingAddress ADDRESS =
            new ShippingAddress("Ada Lovelace", "12 Analytical St", null, "London", "N1 9GU", "GB");

    public static void main(String[] args) throws Exception {
        int orders = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        Path dataDir = Files.createTempDirectory("orderflow-replay-benchmark");
        var platform = StandalonePlatform.start(
                "--orderflow.data-dir=" + dataDir, "--server.port=0", "--logging.level.root=WARN");
        try {
            var context = platform.context();
            var processing = context.getBean(Configuration.class).eventProcessingConfiguration();
            // only the projections are measured: nothing else reacts to the synthetic histories
            processing.eventProcessors().values().stream()
                    .filter(processor -> !processor.getName().equals(QuerySide.READ_MODELS))
                    .forEach(EventProcessor::shutDown);
            long seedStart = System.nanoTime();
            fill(context.getBean(EventStore.class), context.getBean(TransactionManager.class), orders);
            double seedSeconds = seconds(seedStart);
            QueryGateway queries = context.getBean(QueryGateway.class);
            long head = status(queries).get(0).head();
            System.out.printf(
                    "[bench] stored %d events (%d orders) in %.1f s: %.0f events/s%n",
                    head, orders, seedSeconds, head / seedSeconds);

            long liveStart = System.nanoTime();
            awaitCaughtUp(queries, List.of(QuerySide.READ_MODELS));
            System.out.printf(
                    "[bench] live projections caught up %.1f s after the last event was stored%n", seconds(liveStart));

            CommandGateway commands = context.getBean(CommandGateway.class);
            long singleStart = System.nanoTime();
            commands.sendAndWait(new ReplayProjectionCommand(QuerySide.ORDER_PROJECTION));
            awaitCaughtUp(queries, List.of(QuerySide.READ_MODELS));
            double single = seconds(singleStart);
            System.out.printf(
                    "[bench] replay of %s alone: %d events in %.1f s = %.0f events/s%n",
                    QuerySide.ORDER_PROJECTION, head, single, head / single);
            double bulk = mongoBulkInsertsPerSecond(
                    context.getEnvironment().getRequiredProperty("spring.mongodb.uri"), Duration.ofSeconds(5));
            System.out.printf(
                    "[bench] the same MongoDB server, raw bulk inserts of order documents (100 a write): %.0f"
                            + " documents/s; the replay is %.2fx that%n",
                    bulk, head / single / bulk);

            long allStart = System.nanoTime();
            commands.sendAndWait(new ReplayProjectionCommand(QuerySide.READ_MODELS));
            awaitCaughtUp(queries, List.of(QuerySide.READ_MODELS));
            double all = seconds(allStart);
            System.out.printf(
                    "[bench] replay of all %d projections (their processor, %s): %d events in %.1f s = %.0f events/s%n",
                    QuerySide.PROJECTIONS.size(), QuerySide.READ_MODELS, head, all, head / all);
        } finally {
            platform.close();
            System.exit(0);
        }
    }

    static void fill(EventStore store, TransactionManager transactions, int orders) {
        Money price = Money.of("79.99", "USD");
        for (int first = 0; first < orders; first += 100) {
            var batch = new ArrayList<DomainEventMessage<?>>();
            for (int i = first; i < Math.min(first + 100, orders); i++) {
                String orderId = UUID.randomUUID().toString();
                String paymentId = UUID.randomUUID().toString();
                String shipmentId = UUID.randomUUID().toString();
                Instant placedAt = Instant.now();
                batch.add(event(
                        "Order",
                        orderId,
                        0,
                        new OrderPlacedEvent(
                                orderId,
                                "customer-" + (i % 500),
                                List.of(new OrderLine("PROD-001", "Wireless Headphones", 1, price)),
                                price,
                                ADDRESS,
                                "pm_card_visa",
                                placedAt,
                                placedAt.plusSeconds(900))));
                batch.add(event("Order", orderId, 1, new OrderAwaitingPaymentEvent(orderId)));
                batch.add(event(
                        "Payment", paymentId, 0, new PaymentAuthorizedEvent(paymentId, orderId, price, "pi_" + i)));
                batch.add(event("Order", orderId, 2, new OrderPaidEvent(orderId, paymentId)));
                batch.add(event(
                        "Shipment",
                        shipmentId,
                        0,
                        new ShipmentCreatedEvent(shipmentId, orderId, "Carrier", "T" + i, ADDRESS)));
                batch.add(event(
                        "Shipment",
                        shipmentId,
                        1,
                        new ShipmentDispatchedEvent(shipmentId, orderId, "Carrier", "T" + i)));
                batch.add(event("Payment", paymentId, 1, new PaymentCapturedEvent(paymentId, orderId, price)));
                batch.add(event("Order", orderId, 3, new OrderShippedEvent(orderId, shipmentId, "Carrier", "T" + i)));
                batch.add(event("Shipment", shipmentId, 2, new ShipmentDeliveredEvent(shipmentId, orderId)));
                batch.add(event("Order", orderId, 4, new OrderDeliveredEvent(orderId)));
            }
            transactions.executeInTransaction(() -> store.publish(batch));
        }
    }

    /**
     * Documents shaped like an order's read model, inserted 100 a write into a collection of their own on the same
     * server for the duration; answers documents per second. The collection is dropped afterwards.
     */
    static double mongoBulkInsertsPerSecond(String uri, Duration duration) {
        try (var mongo = MongoClients.create(uri)) {
            var collection = mongo.getDatabase("bench").getCollection("bulk_orders");
            long inserted = 0;
            long start = System.nanoTime();
            long end = start + duration.toNanos();
            while (System.nanoTime() < end) {
                var documents = new ArrayList<Document>();
                for (int i = 0; i < 100; i++) {
                    documents.add(new Document("_id", UUID.randomUUID().toString())
                            .append("customerId", "customer-" + i)
                            .append("status", "DELIVERED")
                            .append(
                                    "lines",
                                    List.of(new Document("productId", "PROD-001")
                                            .append("name", "Wireless Headphones")
                                            .append("quantity", 1)
                                            .append(
                                                    "unitPrice",
                                                    new Document("amount", "79.99").append("currency", "USD"))))
                            .append("total", new Document("amount", "79.99").append("currency", "USD"))
                            .append("paymentStatus", "CAPTURED")
                            .append("shipmentStatus", "DELIVERED")
                            .append("placedAt", new Date())
                            .append("updatedAt", new Date()));
                }
                collection.insertMany(documents);
                inserted += documents.size();
            }
            double rate = inserted / seconds(start);
            mongo.getDatabase("bench").drop();
            return rate;
        }
    }

    private static DomainEventMessage<?> event(String type, String aggregateId, long sequence, Object payload) {
        return new GenericDomainEventMessage<>(type, aggregateId, sequence, payload);
    }

    static List<ProcessorStatus> status(QueryGateway queries) {
        return queries.query(new FindProcessorStatusQuery(), ResponseTypes.instanceOf(ProcessorStatusList.class))
                .join()
                .processors();
    }

    static void awaitCaughtUp(QueryGateway queries, List<String> projections) throws InterruptedException {
        Thread.sleep(500);
        while (status(queries).stream()
                .anyMatch(status -> projections.contains(status.name())
                        && (status.replaying() || status.lag() > 0 || status.segments() == 0))) {
            Thread.sleep(200);
        }
    }

    static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
