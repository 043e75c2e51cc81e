package io.orderflow.standalone;

import static io.orderflow.standalone.TestPlatform.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.orderflow.kafka.Topics;
import io.orderflow.kafka.outbound.IntegrationEvents;
import io.orderflow.query.QuerySide;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The first vertical slice on the real embedded PostgreSQL, Kafka broker and MongoDB wire server, driven through
 * HTTP like a client would: place an order, read it back, find its event in the event store and its integration
 * event on Kafka; refuse bad input without storing anything; find everything again after a restart.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OrderSliceTest {

    private static final String ADDRESS = """
            {"recipient":"Ada Lovelace","line1":"12 Analytical St","city":"London","postalCode":"N1 9GU","country":"GB"}""";
    private static final String ORDER = """
            {"items":[{"productId":"PROD-001","quantity":2},{"productId":"PROD-003","quantity":1}],
             "shippingAddress":%s,"paymentMethod":"pm_card_visa"}""".formatted(ADDRESS);
    private static final String PLACED_EVENTS =
            "select count(*) from domainevententry where payloadtype = 'io.orderflow.api.order.OrderPlacedEvent'";

    @TempDir
    static Path dataDir;

    static TestPlatform platform;
    static String placedOrderId;
    static String placedEventId;

    @BeforeAll
    static void start() {
        // a short payment window, so that a deadline scheduled before a restart is seen to fire after it
        platform = TestPlatform.start(dataDir, "--orderflow.orders.payment-timeout=10s");
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    @Test
    @Order(1)
    void placedOrderIsStoredProjectedAndPublished() {
        HttpResponse<String> placed = platform.post("/api/orders", ORDER, "first-order");

        assertThat(placed.statusCode()).isEqualTo(201);
        placedOrderId = read(placed.body()).get("orderId").asString();
        assertThat(placed.headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).endsWith("/api/orders/" + placedOrderId));

        JsonNode order = platform.awaitStatus(
                placedOrderId, Duration.ofSeconds(30), "CREATED", "AWAITING_PAYMENT", "PAID", "SHIPPED", "DELIVERED");
        assertThat(order.get("total").get("amount").decimalValue()).isEqualByComparingTo("194.97");
        assertThat(order.get("lines")).hasSize(2);
        assertThat(order.get("lines").get(0).get("unitPrice").get("amount").decimalValue())
                .isEqualByComparingTo("79.99");

        Map<String, Object> event = platform.jdbc()
                .queryForMap(
                        "select eventidentifier, payloadtype"
                                + " from domainevententry where aggregateidentifier = ? and sequencenumber = 0",
                        placedOrderId);
        assertThat(event.get("payloadtype")).isEqualTo("io.orderflow.api.order.OrderPlacedEvent");
        placedEventId = (String) event.get("eventidentifier");

        ConsumerRecord<String, String> published = awaitIntegrationEvent(placedOrderId);
        JsonNode cloudEvent = read(published.value());
        assertThat(cloudEvent.get("specversion").asString()).isEqualTo("1.0");
        assertThat(cloudEvent.get("type").asString()).isEqualTo("io.orderflow.order.placed.v1");
        assertThat(cloudEvent.get("id").asString()).isEqualTo(placedEventId);
        assertThat(cloudEvent.get("subject").asString()).isEqualTo(placedOrderId);
        JsonNode payload = cloudEvent.get("data");
        assertThat(payload.get("orderId").asString()).isEqualTo(placedOrderId);
        assertThat(payload.get("total").decimalValue()).isEqualByComparingTo("194.97");
        assertThat(payload.get("currency").asString()).isEqualTo("USD");
        assertThat(payload.has("paymentMethod"))
                .as("payment details stay internal")
                .isFalse();
    }

    @Test
    @Order(2)
    void sameIdempotencyKeyAnswersWithTheSameOrder() {
        String key = UUID.randomUUID().toString();
        HttpResponse<String> first = platform.post("/api/orders", ORDER, key);
        HttpResponse<String> again = platform.post("/api/orders", ORDER, key);

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(again.statusCode()).isEqualTo(201);
        String orderId = read(first.body()).get("orderId").asString();
        assertThat(read(again.body()).get("orderId").asString()).isEqualTo(orderId);
        assertThat(platform.jdbc()
                        .queryForObject(
                                "select count(*) from domainevententry where aggregateidentifier = ?"
                                        + " and payloadtype = 'io.orderflow.api.order.OrderPlacedEvent'",
                                Long.class,
                                orderId))
                .isEqualTo(1);
    }

    @Test
    @Order(3)
    void idempotencyKeyReusedForDifferentOrderIsAConflict() {
        String key = UUID.randomUUID().toString();
        platform.post("/api/orders", ORDER, key);
        HttpResponse<String> different =
                platform.post("/api/orders", ORDER.replace("\"quantity\":2", "\"quantity\":5"), key);

        assertThat(different.statusCode()).isEqualTo(409);
        assertThat(different.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @ParameterizedTest(name = "{0}")
    @Order(4)
    @CsvSource(delimiter = '|', textBlock = """
            unknown product     | {"items":[{"productId":"PROD-999","quantity":1}],"shippingAddress":ADDRESS,"paymentMethod":"pm_card_visa"} | items[0].productId
            quantity zero       | {"items":[{"productId":"PROD-001","quantity":0}],"shippingAddress":ADDRESS,"paymentMethod":"pm_card_visa"} | items[0].quantity
            quantity 10000      | {"items":[{"productId":"PROD-001","quantity":10000}],"shippingAddress":ADDRESS,"paymentMethod":"pm_card_visa"} | items[0].quantity
            fractional quantity | {"items":[{"productId":"PROD-001","quantity":1.5}],"shippingAddress":ADDRESS,"paymentMethod":"pm_card_visa"} | items[0].quantity
            quantity as text    | {"items":[{"productId":"PROD-001","quantity":"two"}],"shippingAddress":ADDRESS,"paymentMethod":"pm_card_visa"} | items[0].quantity
            empty items         | {"items":[],"shippingAddress":ADDRESS,"paymentMethod":"pm_card_visa"} | items
            missing items       | {"shippingAddress":ADDRESS,"paymentMethod":"pm_card_visa"} | items
            duplicate product   | {"items":[{"productId":"PROD-001","quantity":1},{"productId":"PROD-001","quantity":2}],"shippingAddress":ADDRESS,"paymentMethod":"pm_card_visa"} | items[1].productId
            missing address     | {"items":[{"productId":"PROD-001","quantity":1}],"paymentMethod":"pm_card_visa"} | shippingAddress
            bad country         | {"items":[{"productId":"PROD-001","quantity":1}],"shippingAddress":{"recipient":"A","line1":"B","city":"C","postalCode":"D","country":"Britain"},"paymentMethod":"pm_card_visa"} | shippingAddress.country
            missing payment     | {"items":[{"productId":"PROD-001","quantity":1}],"shippingAddress":ADDRESS} | paymentMethod
            malformed JSON      | {"items":[{"productId": | body
            not an object       | [1,2,3] | body
            """)
    void invalidOrderIsRefusedNamingTheFieldAndNothingIsStored(String name, String body, String field) {
        long ordersBefore = projectedOrderCount();

        HttpResponse<String> response = platform.post(
                "/api/orders",
                body.replace("ADDRESS", ADDRESS),
                UUID.randomUUID().toString());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = read(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.get("title").asString()).isEqualTo("Invalid request");
        List<String> fields = new ArrayList<>();
        problem.get("errors").forEach(error -> fields.add(error.get("field").asString()));
        assertThat(fields).contains(field);
        assertThat(problem.get("detail").asString()).contains(field);
        assertThat(projectedOrderCount()).isEqualTo(ordersBefore);
    }

    @Test
    @Order(5)
    void unknownOrderIsNotFound() {
        HttpResponse<String> response = platform.get("/api/orders/" + UUID.randomUUID());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    @Order(6)
    void catalogListsTheDemoProductsFromTheEventStore() {
        JsonNode products = read(platform.get("/api/products").body());

        assertThat(products).hasSize(8);
        assertThat(products.get(0).get("productId").asString()).isEqualTo("PROD-001");
        assertThat(products.get(0).get("name").asString()).isEqualTo("Wireless Headphones");
        assertThat(products.get(0).get("price").get("amount").decimalValue()).isEqualByComparingTo("79.99");
        assertThat(products.get(1).get("productId").asString()).isEqualTo("PROD-002");
        assertThat(products.get(1).get("stockAvailable").asInt()).isEqualTo(50);
        assertThat(products.get(7).get("productId").asString()).isEqualTo("PROD-008");
        assertThat(products.get(7).get("stockAvailable").asInt()).isEqualTo(300);
        assertThat(platform.jdbc()
                        .queryForObject(
                                "select count(*) from domainevententry where payloadtype = 'io.orderflow.api.inventory.ProductCreatedEvent'",
                                Long.class))
                .isEqualTo(8);
    }

    @Test
    @Order(7)
    void everythingSurvivesARestartOnTheSameDataDirectory() {
        String waitingForPayment = platform.placeOrder(
                "[{\"productId\":\"PROD-002\",\"quantity\":1}]", "pm_card_authenticationRequired", "N1 9GU");
        platform.awaitStatus(waitingForPayment, Duration.ofSeconds(10), "AWAITING_PAYMENT");
        String finishedExport = finishedExport();
        InterruptedExport interrupted = exportInterruptedHalfWay();

        platform.restart();

        JsonNode finished = read(platform.admin()
                .get("/api/admin/integration/exports/" + finishedExport)
                .body());
        assertThat(finished.get("status").asString())
                .as("a finished export is still listed")
                .isEqualTo("COMPLETED");
        assertThat(finished.get("restarts").asInt()).isZero();
        JsonNode resumed = await().atMost(Duration.ofSeconds(60))
                .until(
                        () -> read(platform.admin()
                                .get("/api/admin/integration/exports/" + interrupted.exportId())
                                .body()),
                        export -> export.get("status").asString().equals("COMPLETED"));
        assertThat(resumed.get("restarts").asInt()).isEqualTo(1);
        assertThat(resumed.get("eventsScanned").asLong())
                .isEqualTo(resumed.get("eventsTotal").asLong());
        assertThat(resumed.get("eventsPublished").asLong()).isGreaterThan(interrupted.published());
        List<String> replayed = KafkaTopics.readUntil(
                        platform.property("spring.kafka.bootstrap-servers"),
                        List.of(Topics.ORDERS_REPLAY),
                        record -> true,
                        records -> records.stream()
                                .map(record -> KafkaTopics.cloudEvent(record).getId())
                                .collect(Collectors.toSet())
                                .containsAll(interrupted.stillToPublish()),
                        Duration.ofSeconds(60))
                .stream()
                .map(record -> KafkaTopics.cloudEvent(record).getId())
                .toList();
        assertThat(replayed)
                .as("the integration events after where it stopped")
                .containsAll(interrupted.stillToPublish());

        JsonNode order = platform.awaitStatus(
                placedOrderId, Duration.ofSeconds(30), "CREATED", "AWAITING_PAYMENT", "PAID", "SHIPPED", "DELIVERED");
        assertThat(order.get("total").get("amount").decimalValue()).isEqualByComparingTo("194.97");
        assertThat(platform.jdbc()
                        .queryForObject(
                                "select eventidentifier from domainevententry"
                                        + " where aggregateidentifier = ? and sequencenumber = 0",
                                String.class,
                                placedOrderId))
                .isEqualTo(placedEventId);
        assertThat(platform.jdbc()
                        .queryForObject(
                                "select count(*) from domainevententry where payloadtype = 'io.orderflow.api.inventory.ProductCreatedEvent'",
                                Long.class))
                .as("the demo catalog is created once")
                .isEqualTo(8);
        assertThat(read(awaitIntegrationEvent(placedOrderId).value()).get("id").asString())
                .isEqualTo(placedEventId);
        assertThat(platform.awaitStatus(waitingForPayment, Duration.ofSeconds(60), "EXPIRED")
                        .get("reason")
                        .asString())
                .as("the payment deadline outlives the restart")
                .startsWith("not paid by");
    }

    /**
     * A store kept by an earlier version, which ran each projection in a processor of its own: at start the
     * read-models processor takes over at the lowest of their positions, and their tokens go. Made here from this
     * store's own position, with the payment projection put behind the newest payment's events; both payments are
     * changed by hand, so that the one whose events are handled again is seen to be rebuilt and the other not.
     */
    @Test
    @Order(8)
    void aProcessorPerProjectionHandsItsPositionsToTheOneProcessor() {
        List<Map<String, Object>> payments = platform.jdbc()
                .queryForList("select aggregateidentifier as id, min(globalindex) as first, max(globalindex) as last"
                        + " from domainevententry where type = 'Payment' group by aggregateidentifier"
                        + " order by first desc limit 2");
        String newer = (String) payments.get(0).get("id");
        String older = (String) payments.get(1).get("id");
        long behind = ((Number) payments.get(0).get("first")).longValue() - 1;
        assertThat(((Number) payments.get(1).get("last")).longValue())
                .as("the older payment's events all come before the newer one's")
                .isLessThanOrEqualTo(behind);
        platform.awaitCaughtUp(Duration.ofSeconds(30), QuerySide.READ_MODELS::equals);
        var axon = platform.context().getBean(org.axonframework.config.Configuration.class);
        axon.eventProcessingConfiguration()
                .eventProcessor(QuerySide.READ_MODELS)
                .orElseThrow()
                .shutDown();
        TokenStore tokens = platform.context().getBean(TokenStore.class);
        platform.context().getBean(TransactionManager.class).executeInTransaction(() -> {
            TrackingToken now = tokens.fetchToken(QuerySide.READ_MODELS, 0);
            tokens.deleteToken(QuerySide.READ_MODELS, 0);
            for (String projection : QuerySide.PROJECTIONS) {
                tokens.initializeTokenSegments(
                        projection,
                        1,
                        projection.equals(QuerySide.PAYMENT_PROJECTION)
                                ? GapAwareTrackingToken.newInstance(behind, List.of())
                                : now);
            }
        });
        MongoTemplate mongo = platform.context().getBean(MongoTemplate.class);
        for (String payment : List.of(newer, older)) {
            mongo.getCollection("payments")
                    .updateOne(
                            new org.bson.Document("_id", payment),
                            new org.bson.Document("$set", new org.bson.Document("status", "TAMPERED")));
        }

        platform.restart();

        assertThat(platform.jdbc().queryForList("select distinct processorname from tokenentry", String.class))
                .contains(QuerySide.READ_MODELS)
                .doesNotContainAnyElementsOf(QuerySide.PROJECTIONS);
        platform.awaitCaughtUp(Duration.ofSeconds(30), QuerySide.READ_MODELS::equals);
        MongoTemplate restarted = platform.context().getBean(MongoTemplate.class);
        assertThat(statusOf(restarted, newer))
                .as("a payment whose events came after the lowest position")
                .isNotEqualTo("TAMPERED");
        assertThat(statusOf(restarted, older))
                .as("a payment whose events came before it")
                .isEqualTo("TAMPERED");
    }

    private static String statusOf(MongoTemplate mongo, String payment) {
        return mongo.getCollection("payments")
                .find(new org.bson.Document("_id", payment))
                .first()
                .getString("status");
    }

    /** An export run to its end, of an hour before the platform began (so it publishes nothing the other needs). */
    private static String finishedExport() {
        var started = platform.admin()
                .post(
                        "/api/admin/integration/export",
                        "{\"from\":\"" + Instant.now().minusSeconds(7200) + "\",\"to\":\""
                                + Instant.now().minusSeconds(3600) + "\"}",
                        Map.of());
        String exportId = read(started.body()).get("exportId").asString();
        await().atMost(Duration.ofSeconds(60))
                .until(() -> read(platform.admin()
                                .get("/api/admin/integration/exports/" + exportId)
                                .body())
                        .get("status")
                        .asString()
                        .equals("COMPLETED"));
        return exportId;
    }

    /**
     * An export as the platform leaves it when it stops half-way through: {@code RUNNING}, with the position of its
     * last acknowledged batch. What it must still publish: the integration events after that position.
     */
    private record InterruptedExport(String exportId, long published, List<String> stillToPublish) {}

    private static InterruptedExport exportInterruptedHalfWay() {
        var jdbc = platform.jdbc();
        long first = jdbc.queryForObject("select min(globalindex) - 1 from domainevententry", Long.class);
        long head = jdbc.queryForObject("select max(globalindex) from domainevententry", Long.class);
        long resumeAfter = first + (head - first) / 2;
        String exportId = UUID.randomUUID().toString();
        jdbc.update(
                "insert into history_export (export_id, range_from, range_to, requested_by, status, first_position,"
                        + " resume_after, events_total, events_scanned, events_published, requested_at, started_at)"
                        + " values (?, ?, ?, 'operator', 'RUNNING', ?, ?, ?, ?, 7, now(), now())",
                exportId,
                Timestamp.from(Instant.now().minusSeconds(3600)),
                Timestamp.from(Instant.now().plusSeconds(3600)),
                first,
                resumeAfter,
                head - first,
                resumeAfter - first);
        Set<String> published =
                IntegrationEvents.published().stream().map(Class::getName).collect(Collectors.toSet());
        List<String> stillToPublish = jdbc
                .query(
                        "select eventidentifier, payloadtype from domainevententry where globalindex > ?"
                                + " and globalindex <= ? order by globalindex",
                        (row, n) -> published.contains(row.getString(2)) ? row.getString(1) : null,
                        resumeAfter,
                        head)
                .stream()
                .filter(Objects::nonNull)
                .toList();
        assertThat(stillToPublish).isNotEmpty();
        return new InterruptedExport(exportId, 7, stillToPublish);
    }

    /** The number of order documents once the projection has caught up with every placed order. */
    private static long projectedOrderCount() {
        long placed = platform.jdbc().queryForObject(PLACED_EVENTS, Long.class);
        MongoTemplate mongo = platform.context().getBean(MongoTemplate.class);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> mongo.getCollection("orders").countDocuments() == placed);
        return placed;
    }

    private static ConsumerRecord<String, String> awaitIntegrationEvent(String orderId) {
        var properties = Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                platform.property("spring.kafka.bootstrap-servers"),
                ConsumerConfig.GROUP_ID_CONFIG,
                "slice-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest");
        try (var consumer = new KafkaConsumer<>(properties, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("orderflow.orders.v1"));
            var found = new ArrayList<ConsumerRecord<String, String>>();
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(500)).forEach(record -> {
                    if (orderId.equals(record.key())) {
                        found.add(record);
                    }
                });
                return !found.isEmpty();
            });
            return found.get(0);
        }
    }
}
