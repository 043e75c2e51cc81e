package io.orderflow.standalone;

import static io.orderflow.standalone.TestPlatform.read;
import static org.assertj.core.api.Assertions.assertThat;

import io.cloudevents.CloudEvent;
import io.orderflow.kafka.Topics;
import io.orderflow.kafka.outbound.CloudEventConverter;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.parser.OpenAPIV3Parser;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import tools.jackson.databind.JsonNode;

/** What an operator and an integrating developer rely on: health, metrics, correlation ids, the API document. */
@ResourceLock(TestPlatform.SHARED)
class OperationsTest {

    private static final Duration SETTLES = Duration.ofSeconds(30);
    private static final Pattern SAMPLE =
            Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*(?:\\{[^}]*})?) (\\S+)$", Pattern.MULTILINE);
    private static final String ORDER = """
            {"items":[{"productId":"PROD-003","quantity":2}],"paymentMethod":"%s",
             "shippingAddress":{"recipient":"A","line1":"B","city":"C","postalCode":"N1 9GU","country":"GB"}}""";
    private static TestPlatform platform;

    @BeforeAll
    static void start() {
        platform = TestPlatform.shared();
    }

    @Test
    void healthIsPublicAndReadinessCoversStoreMongoKafkaAndEveryProcessor() {
        HttpResponse<String> readiness = platform.anonymous().get("/actuator/health/readiness");

        assertThat(readiness.statusCode()).isEqualTo(200);
        JsonNode components = read(readiness.body()).get("components");
        for (String part : List.of("db", "mongo", "kafka", "eventProcessors", "readinessState")) {
            assertThat(components.get(part).get("status").asString()).as(part).isEqualTo("UP");
        }
        assertThat(readiness.body()).as("details are for operators").doesNotContain("read-models");
        assertThat(read(platform.admin().get("/actuator/health/readiness").body())
                        .get("components")
                        .get("eventProcessors")
                        .get("details")
                        .get("processors")
                        .has("read-models"))
                .isTrue();
        assertThat(platform.anonymous().get("/actuator/health/liveness").statusCode())
                .isEqualTo(200);
        assertThat(platform.anonymous().get("/actuator/prometheus").statusCode())
                .isEqualTo(401);
        assertThat(platform.customer().get("/actuator/prometheus").statusCode()).isEqualTo(403);
    }

    @Test
    void prometheusScrapesWithItsTokenWhichReachesNothingElse() {
        TestPlatform.Client prometheus = platform.withToken(TestPlatform.METRICS_SCRAPE_TOKEN);

        HttpResponse<String> scrape = prometheus.get("/actuator/prometheus");

        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.body()).contains("orderflow_orders_total{");
        assertThat(prometheus.get("/actuator/metrics").statusCode()).isEqualTo(401);
        assertThat(prometheus.get("/api/admin/projections").statusCode()).isEqualTo(401);
        assertThat(prometheus.get("/api/orders").statusCode()).isEqualTo(401);
        assertThat(platform.withToken(TestPlatform.METRICS_SCRAPE_TOKEN + "x")
                        .get("/actuator/prometheus")
                        .statusCode())
                .isEqualTo(401);
    }

    @Test
    void businessAndAxonMetricsMoveWhenOrdersGoThrough() {
        Map<String, Double> before = metrics();

        String delivered =
                platform.placeOrder("[{\"productId\":\"PROD-003\",\"quantity\":2}]", "pm_card_visa", "N1 9GU");
        String declined = platform.placeOrder(
                "[{\"productId\":\"PROD-003\",\"quantity\":1}]", "pm_card_chargeDeclinedInsufficientFunds", "N1 9GU");
        double total = platform.awaitStatus(delivered, SETTLES, "DELIVERED")
                .get("total")
                .get("amount")
                .asDouble();
        platform.awaitStatus(declined, SETTLES, "CANCELLED");
        Map<String, Double> after = metrics();

        assertThat(delta(before, after, "orderflow_orders_total{outcome=\"placed\"}"))
                .isGreaterThanOrEqualTo(2);
        assertThat(delta(before, after, "orderflow_orders_total{outcome=\"paid\"}"))
                .isGreaterThanOrEqualTo(1);
        assertThat(delta(before, after, "orderflow_orders_total{outcome=\"delivered\"}"))
                .isGreaterThanOrEqualTo(1);
        assertThat(delta(before, after, "orderflow_orders_total{outcome=\"cancelled\"}"))
                .isGreaterThanOrEqualTo(1);
        assertThat(delta(before, after, "orderflow_revenue_total{currency=\"USD\"}"))
                .isGreaterThanOrEqualTo(total);
        assertThat(delta(before, after, "orderflow_compensations_total{reason=\"payment_declined\"}"))
                .isGreaterThanOrEqualTo(1);
        assertThat(delta(before, after, "orderflow_payment_declines_total{code=\"insufficient_funds\"}"))
                .isGreaterThanOrEqualTo(1);
        assertThat(after.keySet())
                .anyMatch(name -> name.startsWith("commandBus_successCounter_total"))
                .anyMatch(name -> name.startsWith("eventProcessor_latency"))
                .anyMatch(name -> name.startsWith("queryBus_successCounter_total"));
    }

    @Test
    void theRequestsCorrelationIdAndTraceAreOnItsEventsAndItsKafkaMessages() {
        String requestId = "checkout-" + UUID.randomUUID();
        String traceId = UUID.randomUUID().toString().replace("-", "");
        HttpResponse<String> placed = platform.post(
                "/api/orders",
                ORDER.formatted("pm_card_visa"),
                Map.of(
                        "Idempotency-Key",
                        requestId,
                        "X-Request-Id",
                        requestId,
                        "traceparent",
                        "00-" + traceId + "-00f067aa0ba902b7-01"));
        String orderId = read(placed.body()).get("orderId").asString();
        platform.awaitStatus(orderId, SETTLES, "DELIVERED");

        assertThat(placed.headers().firstValue("X-Request-Id")).hasValue(requestId);
        Map<String, String> byEvent = new HashMap<>();
        List<String> caused = List.of(
                "OrderPlacedEvent",
                "StockReservedEvent",
                "OrderAwaitingPaymentEvent",
                "PaymentAuthorizedEvent",
                "OrderPaidEvent",
                "ShipmentCreatedEvent");
        platform.jdbc()
                .query(
                        "select eventidentifier, payloadtype, convert_from(metadata, 'UTF8')::jsonb ->> 'requestId' as request"
                                + " from domainevententry where convert_from(payload, 'UTF8')::jsonb ->> 'orderId' = ? order by globalindex",
                        row -> {
                            String type = row.getString("payloadtype");
                            if (caused.contains(type.substring(type.lastIndexOf('.') + 1))) {
                                assertThat(row.getString("request")).as(type).isEqualTo(requestId);
                                byEvent.put(row.getString("eventidentifier"), type);
                            }
                        },
                        orderId);
        assertThat(byEvent).hasSize(caused.size());

        List<ConsumerRecord<String, byte[]>> messages = KafkaTopics.readUntil(
                platform.property("spring.kafka.bootstrap-servers"),
                Topics.OUTBOUND,
                record -> orderId.equals(record.key()),
                records -> records.stream()
                                .filter(record -> byEvent.containsKey(
                                        KafkaTopics.cloudEvent(record).getId()))
                                .count()
                        == caused.size(),
                SETTLES);
        for (ConsumerRecord<String, byte[]> record : messages) {
            CloudEvent event = KafkaTopics.cloudEvent(record);
            if (byEvent.containsKey(event.getId())) {
                assertThat(event.getExtension(CloudEventConverter.CORRELATION_ID))
                        .as(event.getType())
                        .isEqualTo(requestId);
                assertThat(new String(
                                record.headers()
                                        .lastHeader(CloudEventConverter.CORRELATION_ID_HEADER)
                                        .value(),
                                StandardCharsets.UTF_8))
                        .isEqualTo(requestId);
                assertThat(String.valueOf(event.getExtension(CloudEventConverter.TRACEPARENT)))
                        .as("one trace from the HTTP request to the Kafka message: " + event.getType())
                        .startsWith("00-" + traceId + "-");
                assertThat(new String(
                                record.headers()
                                        .lastHeader(CloudEventConverter.TRACEPARENT)
                                        .value(),
                                StandardCharsets.UTF_8))
                        .startsWith("00-" + traceId + "-");
            }
        }
    }

    @Test
    void aRequestWithoutASaneRequestIdGetsOne() {
        HttpResponse<String> none = platform.get("/api/products");
        HttpResponse<String> insane =
                platform.customer().send("GET", "/api/products", null, Map.of("X-Request-Id", "a b\tc"));

        assertThat(none.headers().firstValue("X-Request-Id"))
                .hasValueSatisfying(id -> assertThat(UUID.fromString(id)).isNotNull());
        assertThat(insane.headers().firstValue("X-Request-Id"))
                .hasValueSatisfying(id -> assertThat(id).doesNotContain(" "));
    }

    @Test
    void theOpenApiDocumentValidatesAndDocumentsEveryEndpoint() {
        HttpResponse<String> document = platform.anonymous().get("/v3/api-docs");
        assertThat(document.statusCode()).isEqualTo(200);

        var result = new OpenAPIV3Parser().readContents(document.body(), null, null);
        assertThat(result.getMessages()).as("validation messages").isEmpty();
        OpenAPI api = result.getOpenAPI();
        assertThat(api.getComponents().getSecuritySchemes().get("bearer").getScheme())
                .isEqualTo("bearer");
        var missing = new ArrayList<String>();
        var objectParameters = new ArrayList<String>();
        for (AccessControlTest.Endpoint endpoint : AccessControlTest.ENDPOINTS) {
            PathItem path = api.getPaths().get(endpoint.pattern());
            Operation operation =
                    path == null ? null : path.readOperationsMap().get(PathItem.HttpMethod.valueOf(endpoint.method()));
            if (operation == null) {
                missing.add(endpoint.toString());
                continue;
            }
            assertThat(operation.getResponses()).as(endpoint.toString()).containsKey("500");
            assertThat(operation.getResponses().keySet())
                    .as(endpoint.toString())
                    .anyMatch(status -> status.startsWith("2"));
            boolean open = endpoint.access() == AccessControlTest.Access.PUBLIC;
            assertThat(operation.getResponses().containsKey("401"))
                    .as(endpoint + " documents 401")
                    .isEqualTo(!open);
            assertThat(operation.getSecurity() != null
                            && operation.getSecurity().isEmpty())
                    .as(endpoint + " is public")
                    .isEqualTo(open);
            if (operation.getRequestBody() != null) {
                assertThat(operation.getResponses()).as(endpoint.toString()).containsKey("400");
            }
            // a client sends paths, headers and query strings: no object, and not the caller the token names
            if (operation.getParameters() != null) {
                operation.getParameters().stream()
                        .filter(parameter -> parameter.getSchema().get$ref() != null)
                        .forEach(parameter -> objectParameters.add(endpoint + " " + parameter.getName()));
            }
        }
        assertThat(missing).as("endpoints missing from the document").isEmpty();
        assertThat(objectParameters).as("parameters no client could send").isEmpty();
        assertThat(api.getPaths().get("/api/orders").getPost().getDescription())
                .as("descriptions come from the Javadoc")
                .contains("read model");
        assertThat(document.body()).contains("application/problem+json");
    }

    /** Every sample of the Prometheus scrape, by name and labels. */
    private static Map<String, Double> metrics() {
        HttpResponse<String> scrape = platform.admin().get("/actuator/prometheus");
        assertThat(scrape.statusCode()).isEqualTo(200);
        var samples = new HashMap<String, Double>();
        Matcher matcher = SAMPLE.matcher(scrape.body());
        while (matcher.find()) {
            try {
                samples.put(
                        matcher.group(1)
                                .replaceAll(",?application=\"orderflow\"", "")
                                .replace("{}", ""),
                        Double.parseDouble(matcher.group(2)));
            } catch (NumberFormatException notASample) {
                // comment lines
            }
        }
        return samples;
    }

    private static double delta(Map<String, Double> before, Map<String, Double> after, String sample) {
        assertThat(after).as(sample).containsKey(sample);
        return after.get(sample) - before.getOrDefault(sample, 0.0);
    }
}
