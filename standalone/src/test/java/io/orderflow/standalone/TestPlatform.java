package io.orderflow.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.stripe.net.Webhook;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.orderflow.api.order.DerivedIds;
import io.orderflow.api.order.OrderStatus;
import io.orderflow.kafka.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The standalone platform started for tests through the real launcher, on a data directory of its own, and the
 * calls a test makes to it over HTTP like any client. {@link #shared()} is one platform for every test class of the
 * run that needs no restart; it stops when the test JVM ends.
 */
final class TestPlatform implements AutoCloseable {

    /**
     * Held by every test class on the {@link #shared()} platform: they run one after another, each free to assume
     * nothing else is placing orders there, while classes on platforms of their own run beside them.
     */
    static final String SHARED = "shared-platform";

    static final String WEBHOOK_SECRET = "whsec_orderflow_test";
    /** Prometheus's bearer token on the shared platform. */
    static final String METRICS_SCRAPE_TOKEN = "scrape-token-for-the-tests-0123456789abcdef";

    static final Set<String> TERMINAL = Arrays.stream(OrderStatus.values())
            .filter(OrderStatus::isTerminal)
            .map(OrderStatus::name)
            .collect(Collectors.toUnmodifiableSet());
    /** Parcels to this postal code get no simulated carrier reports: a test reports for the carrier, on Kafka. */
    static final String CARRIER_REPORTS_ON_KAFKA = "77777";

    private static final HttpClient http = HttpClient.newHttpClient();
    static final JsonMapper json = JsonMapper.builder().build();
    static final String ADMIN_EMAIL = "admin@orderflow.test";
    static final String ADMIN_PASSWORD = "operator keys 4 tests";
    static final String PASSWORD = "correct horse battery staple";
    /** Low sign-in limits, so slow-down and lock-out can be watched in seconds. */
    static final int ACCOUNT_SLOW_AFTER = 2;

    static final int ACCOUNT_LOCK_AFTER = 4;
    static final int ADDRESS_SLOW_AFTER = 5;
    static final int ADDRESS_LOCK_AFTER = 7;
    private static TestPlatform shared;
    /** Held to read while a platform starts, to write while the shared platform builds its API document. */
    private static final ReadWriteLock STARTING = new ReentrantReadWriteLock();

    private KafkaProducer<String, byte[]> carrierReports;

    private final Path dataDir;
    private final String[] settings;
    private StandalonePlatform platform;
    private Client customer;
    private Client admin;

    private TestPlatform(Path dataDir, String... settings) {
        this.dataDir = dataDir;
        this.settings = settings;
        this.platform = launch();
    }

    /**
     * Started with the simulated carrier picking up and delivering at once, and a Stripe webhook secret. A test that
     * must catch an order paid but not yet picked up sends it to {@link #CARRIER_REPORTS_ON_KAFKA} and reports for
     * the carrier; orders wait the default payment window, so every test ends its own.
     */
    static synchronized TestPlatform shared() {
        if (shared == null) {
            try {
                shared = new TestPlatform(
                        Files.createTempDirectory("orderflow-shared"),
                        "--orderflow.carrier.simulated.dispatch-delay=0s",
                        "--orderflow.carrier.simulated.delivery-delay=0s",
                        "--orderflow.stripe.webhook-secret=" + WEBHOOK_SECRET,
                        "--orderflow.security.metrics-scrape-token=" + METRICS_SCRAPE_TOKEN);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close));
            buildTheApiDocument();
        }
        return shared;
    }

    /**
     * springdoc builds the OpenAPI document at its first request and keeps it. It builds it with swagger-core's model
     * converters, of which there is one set per JVM: every platform that starts in this JVM takes each converter out
     * and puts its own in, and a document built meanwhile can lose schemas (springdoc logs the error and goes on).
     * Platforms start under the read lock; the shared platform's document is built once, under the write lock, before
     * any test reads it.
     */
    private static void buildTheApiDocument() {
        STARTING.writeLock().lock();
        try {
            int status = shared.anonymous().get("/v3/api-docs").statusCode();
            if (status != 200) {
                throw new IllegalStateException("GET /v3/api-docs answered " + status);
            }
        } finally {
            STARTING.writeLock().unlock();
        }
    }

    static TestPlatform start(Path dataDir, String... settings) {
        return new TestPlatform(dataDir, settings);
    }

    private StandalonePlatform launch() {
        var args = new ArrayList<>(List.of(
                "--orderflow.data-dir=" + dataDir,
                "--server.port=0",
                "--orderflow.security.admin.email=" + ADMIN_EMAIL,
                "--orderflow.security.admin.password=" + ADMIN_PASSWORD,
                // sign-in tests speak for several client addresses through X-Forwarded-For
                "--server.forward-headers-strategy=framework",
                // three platforms share two cores while the suite runs: give the read model time before a 202
                "--orderflow.gateway.read-model-wait=10s",
                "--orderflow.security.sign-in.account-slow-after=" + ACCOUNT_SLOW_AFTER,
                "--orderflow.security.sign-in.account-lock-after=" + ACCOUNT_LOCK_AFTER,
                "--orderflow.security.sign-in.address-slow-after=" + ADDRESS_SLOW_AFTER,
                "--orderflow.security.sign-in.address-lock-after=" + ADDRESS_LOCK_AFTER,
                "--orderflow.security.external.issuer-uri="
                        + ExternalIssuer.instance().issuer(),
                "--orderflow.security.external.jwk-set-uri="
                        + ExternalIssuer.instance().jwkSetUri(),
                "--orderflow.security.external.roles-claim=realm_access.roles"));
        args.addAll(List.of(settings));
        STARTING.readLock().lock();
        try {
            return StandalonePlatform.start(args.toArray(String[]::new));
        } finally {
            STARTING.readLock().unlock();
        }
    }

    void restart() {
        closeCarrierReports();
        platform.close();
        platform = launch();
    }

    @Override
    public void close() {
        closeCarrierReports();
        platform.close();
    }

    private synchronized void closeCarrierReports() {
        if (carrierReports != null) {
            carrierReports.close(Duration.ofSeconds(5));
            carrierReports = null;
        }
    }

    ConfigurableApplicationContext context() {
        return platform.context();
    }

    String property(String name) {
        return context().getEnvironment().getRequiredProperty(name);
    }

    Path dataDir() {
        return dataDir;
    }

    JdbcTemplate jdbc() {
        return new JdbcTemplate(context().getBean(DataSource.class));
    }

    /** A customer account of its own, signed up and signed in once per platform; the default caller of tests. */
    synchronized Client customer() {
        if (customer == null) {
            customer = newCustomer();
        }
        return customer;
    }

    /** The seeded ADMIN, signed in. */
    synchronized Client admin() {
        if (admin == null) {
            admin = signedIn(ADMIN_EMAIL, ADMIN_PASSWORD);
        }
        return admin;
    }

    /** A new CUSTOMER account, signed up and signed in. */
    Client newCustomer() {
        String email = "customer-" + UUID.randomUUID() + "@example.com";
        var signedUp = anonymous()
                .post(
                        "/api/auth/signup",
                        "{\"email\":\"%s\",\"name\":\"Test Customer\",\"password\":\"%s\"}".formatted(email, PASSWORD),
                        Map.of());
        if (signedUp.statusCode() != 201) {
            throw new AssertionError("sign-up refused: " + signedUp.statusCode() + " " + signedUp.body());
        }
        Client client = signedIn(email, PASSWORD);
        client.email = email;
        client.id = read(signedUp.body()).get("id").asString();
        return client;
    }

    /** Signs in and answers a client that carries the token; fails the test if sign-in is refused. */
    Client signedIn(String email, String password) {
        var response = signIn(email, password, Map.of());
        if (response.statusCode() != 200) {
            throw new AssertionError("sign-in refused: " + response.statusCode() + " " + response.body());
        }
        return withToken(read(response.body()).get("accessToken").asString());
    }

    HttpResponse<String> signIn(String email, String password, Map<String, String> headers) {
        return anonymous()
                .post("/api/auth/signin", "{\"email\":\"%s\",\"password\":\"%s\"}".formatted(email, password), headers);
    }

    Client anonymous() {
        return new Client(null);
    }

    Client withToken(String token) {
        return new Client(token);
    }

    HttpResponse<String> post(String path, String body, Map<String, String> headers) {
        return customer().post(path, body, headers);
    }

    HttpResponse<String> post(String path, String body, String idempotencyKey) {
        return customer().post(path, body, idempotencyKey);
    }

    HttpResponse<String> get(String path) {
        return customer().get(path);
    }

    String placeOrder(String items, String paymentMethod, String postalCode) {
        return customer().placeOrder(items, paymentMethod, postalCode);
    }

    JsonNode order(String orderId) {
        return customer().order(orderId);
    }

    /** Waits until the order's read model shows one of the statuses, and answers it. */
    JsonNode awaitStatus(String orderId, Duration atMost, String... statuses) {
        Set<String> wanted = Set.of(statuses);
        return await().atMost(atMost)
                .pollInterval(Duration.ofMillis(100))
                .until(
                        () -> order(orderId),
                        order -> order != null
                                && wanted.contains(order.get("status").asString()));
    }

    /** {available, reserved} of a product as the catalog shows it once every change to it is projected. */
    int[] stock(String productId) {
        JsonNode product = read(get("/api/products/" + productId).body());
        return new int[] {
            product.get("stockAvailable").asInt(), product.get("stockReserved").asInt()
        };
    }

    /**
     * {available, reserved} once no order holds the product any more: for a test whose earlier orders have all
     * ended, the stock levels it starts from.
     */
    int[] settledStock(String productId) {
        return await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> stock(productId), levels -> levels[1] == 0);
    }

    /**
     * Waits until every event processor has taken in the whole event store and none is replaying: for a test that
     * wrote a long history, so that the tests after it do not wait behind it.
     */
    void awaitProcessorsCaughtUp(Duration atMost) {
        awaitCaughtUp(atMost, name -> true);
    }

    /** Waits until the processors named have taken in the whole event store and none of them is replaying. */
    void awaitCaughtUp(Duration atMost, Predicate<String> processors) {
        await().atMost(atMost).pollInterval(Duration.ofMillis(200)).until(() -> {
            for (JsonNode processor : read(admin().get("/api/admin/projections").body())) {
                if (processors.test(processor.get("name").asString())
                        && (processor.get("replaying").asBoolean()
                                || processor.get("lag").asLong() > 0)) {
                    return false;
                }
            }
            return true;
        });
    }

    /** Waits until the catalog shows the product at {available, reserved}: it is projected apart from the order. */
    void awaitStock(String productId, int... availableAndReserved) {
        await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(100))
                .untilAsserted(() ->
                        assertThat(stock(productId)).as("stock of " + productId).containsExactly(availableAndReserved));
    }

    /** The simple names of every event about the order, of every aggregate, in the order they were stored. */
    List<String> storyOf(String orderId) {
        return jdbc()
                .queryForList(
                        "select payloadtype from domainevententry"
                                + " where convert_from(payload, 'UTF8')::jsonb ->> 'orderId' = ? order by globalindex",
                        String.class,
                        orderId)
                .stream()
                .map(type -> type.substring(type.lastIndexOf('.') + 1))
                .toList();
    }

    /** The events of one aggregate, in its own order (the event store's index makes this cheap). */
    List<String> eventsOf(String aggregateId) {
        return jdbc()
                .queryForList(
                        "select payloadtype from domainevententry where aggregateidentifier = ? order by sequencenumber",
                        String.class,
                        aggregateId)
                .stream()
                .map(type -> type.substring(type.lastIndexOf('.') + 1))
                .toList();
    }

    /** The parcel booked for the order, once the order's view shows it booked. */
    String shipmentOf(String orderId) {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            JsonNode order = order(orderId);
            return order != null && order.hasNonNull("shipmentStatus");
        });
        return DerivedIds.shipmentOf(orderId);
    }

    /** A {@code Stripe-Signature} for the payload, as Stripe signs a webhook with the endpoint's secret. */
    static String stripeSignature(String payload, String secret) {
        long timestamp = System.currentTimeMillis() / 1000;
        try {
            return "t=" + timestamp + ",v1=" + Webhook.Util.computeHmacSha256(secret, timestamp + "." + payload);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A carrier's update ({@code shipment-dispatched}, ...) as a CloudEvent on the carrier updates topic. */
    void reportAsCarrier(String key, String eventId, String kind, String data) {
        var event = CloudEventBuilder.v1()
                .withId(eventId)
                .withSource(URI.create("https://carrier.example/webhooks"))
                .withType("io.orderflow.carrier." + kind + ".v1")
                .withTime(OffsetDateTime.now())
                .withDataContentType("application/json")
                .withData(data.getBytes(StandardCharsets.UTF_8))
                .build();
        try {
            carrierReports()
                    .send(new ProducerRecord<>(Topics.CARRIER_UPDATES, key, KafkaTopics.serialize(event)))
                    .get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not report for the carrier", e);
        }
    }

    /** One producer for every carrier report, so that a report leaves at once (a race needs it to). */
    private synchronized KafkaProducer<String, byte[]> carrierReports() {
        if (carrierReports == null) {
            carrierReports = new KafkaProducer<>(
                    Map.of(
                            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                            property("spring.kafka.bootstrap-servers"),
                            ProducerConfig.ACKS_CONFIG,
                            "all"),
                    new StringSerializer(),
                    new ByteArraySerializer());
        }
        return carrierReports;
    }

    /** How often the payment provider performed an operation for the order (authorize, capture, void, refund). */
    int providerOperations(String orderId, String operation, String outcome) {
        return jdbc().queryForObject(
                        "select count(*) from simulated_payment_request r join simulated_payment_intent i"
                                + " on r.intent_id = i.id where i.order_id = ? and r.operation = ? and r.status = ?",
                        Integer.class,
                        orderId,
                        operation,
                        outcome);
    }

    /** Calls the platform over HTTP like any client, with a bearer token or without one. */
    final class Client {

        private final String token;
        private String email;
        private String id;

        private Client(String token) {
            this.token = token;
        }

        String token() {
            return token;
        }

        /** The account's email, for a client made by {@link #newCustomer()}. */
        String email() {
            return email;
        }

        /** The account's id, for a client made by {@link #newCustomer()}. */
        String id() {
            return id;
        }

        /** A request to the platform, with this client's token. */
        HttpRequest.Builder request(String path) {
            var request = HttpRequest.newBuilder(uri(path));
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            return request;
        }

        HttpResponse<String> get(String path) {
            return TestPlatform.send(request(path).GET().build());
        }

        HttpResponse<String> post(String path, String body, Map<String, String> headers) {
            return send("POST", path, body, headers);
        }

        HttpResponse<String> post(String path, String body, String idempotencyKey) {
            return post(path, body, Map.of("Idempotency-Key", idempotencyKey));
        }

        HttpResponse<String> send(String method, String path, String body, Map<String, String> headers) {
            var request = request(path)
                    .header("Content-Type", "application/json")
                    .method(
                            method,
                            body == null
                                    ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofString(body));
            headers.forEach(request::header);
            return TestPlatform.send(request.build());
        }

        /**
         * Places an order and answers its id; fails the test unless it was accepted: 201, or 202 when the read model
         * did not catch up within the gateway's wait (a machine under load), which tests wait out by polling.
         */
        String placeOrder(String items, String paymentMethod, String postalCode) {
            var response = post(
                    "/api/orders",
                    """
                    {"items":%s,"paymentMethod":"%s",
                     "shippingAddress":{"recipient":"Ada Lovelace","line1":"12 Analytical St","city":"London",
                                        "postalCode":"%s","country":"GB"}}""".formatted(items, paymentMethod, postalCode),
                    UUID.randomUUID().toString());
            if (response.statusCode() != 201 && response.statusCode() != 202) {
                throw new AssertionError("order not accepted: " + response.statusCode() + " " + response.body());
            }
            return read(response.body()).get("orderId").asString();
        }

        JsonNode order(String orderId) {
            var response = get("/api/orders/" + orderId);
            return response.statusCode() == 200 ? read(response.body()) : null;
        }
    }

    static JsonNode read(String body) {
        return json.readTree(body);
    }

    URI uri(String path) {
        return URI.create("http://localhost:" + property("local.server.port") + path);
    }

    static HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
