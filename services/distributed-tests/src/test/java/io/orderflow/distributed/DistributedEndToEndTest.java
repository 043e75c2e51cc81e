package io.orderflow.distributed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.orderflow.bench.DistributedPlatform;
import io.orderflow.standalone.Browser;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import tools.jackson.databind.JsonNode;

/**
 * The order's whole life in distributed mode: every service its own JVM, every command, query and event through
 * Axon Server (the gateway holds no handler of its own), with the real PostgreSQL, Kafka and MongoDB wire server.
 */
class DistributedEndToEndTest {

    private static final Duration SETTLES = Duration.ofSeconds(60);

    private static DistributedPlatform platform;
    private static Api customer;
    private static Api admin;

    @BeforeAll
    static void start() throws Exception {
        platform = TestPlatform.of(DistributedEndToEndTest.class).startAll();
        customer = Api.newCustomer(platform.gateway());
        admin = Api.admin(platform.gateway());
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void ordersPlacedThroughTheGatewayReachDeliveredAndTheirStreamEndsThere() throws Exception {
        var response = customer.place("[{\"productId\":\"PROD-003\",\"quantity\":1}]", "pm_card_visa");
        assertThat(response.statusCode())
                .as("201 once the read model has the order: %s", response.body())
                .isEqualTo(201);
        String first = Api.read(response.body()).get("orderId").asString();
        assertThat(customer.order(first).get("orderId").asString()).isEqualTo(first);
        String second = customer.placeOrder("[{\"productId\":\"PROD-008\",\"quantity\":2}]", "pm_card_visa");

        List<JsonNode> changes = customer.stream(first, SETTLES);
        assertThat(changes).isNotEmpty();
        assertThat(changes.get(changes.size() - 1).get("status").asString()).isEqualTo("DELIVERED");
        assertThat(customer.awaitFinal(second, SETTLES).get("status").asString())
                .isEqualTo("DELIVERED");
    }

    @Test
    void aDeclinedCardCompensatesWithTheStockBack() {
        int[] before = settled("PROD-007");

        String orderId = customer.placeOrder(
                "[{\"productId\":\"PROD-007\",\"quantity\":2}]", "pm_card_chargeDeclinedInsufficientFunds");

        JsonNode order = customer.awaitFinal(orderId, SETTLES);
        assertThat(order.get("status").asString()).isEqualTo("CANCELLED");
        assertThat(order.get("reason").asString())
                .isEqualTo("payment declined (insufficient_funds): Your card has insufficient funds.");
        awaitStock("PROD-007", before);
    }

    @Test
    void aLineOutOfStockRejectsTheOrderWithEveryStockLevelBack() {
        int[] headphones = settled("PROD-001");
        int[] webcams = settled("PROD-006");

        String orderId = customer.placeOrder(
                "[{\"productId\":\"PROD-001\",\"quantity\":1},{\"productId\":\"PROD-006\",\"quantity\":"
                        + (webcams[0] + 1) + "}]",
                "pm_card_visa");

        JsonNode order = customer.awaitFinal(orderId, SETTLES);
        assertThat(order.get("status").asString()).isEqualTo("REJECTED");
        assertThat(order.get("reason").asString()).startsWith("out of stock: PROD-006");
        awaitStock("PROD-001", headphones);
        awaitStock("PROD-006", webcams);
    }

    @Test
    void integrationEventsArriveOnKafkaAsInStandalone() {
        String orderId = customer.placeOrder("[{\"productId\":\"PROD-004\",\"quantity\":1}]", "pm_card_visa");
        customer.awaitStatus(orderId, SETTLES, "DELIVERED");

        var types = new HashSet<String>();
        var properties = Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                platform.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG,
                "distributed-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest");
        try (var consumer = new KafkaConsumer<>(properties, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(
                    "orderflow.orders.v1", "orderflow.inventory.v1", "orderflow.payments.v1", "orderflow.shipping.v1"));
            await().atMost(SETTLES).until(() -> {
                consumer.poll(Duration.ofMillis(500)).forEach(record -> {
                    if (orderId.equals(record.key())) {
                        // structured CloudEvents: the type is in the JSON value
                        types.add(Api.read(new String(record.value(), StandardCharsets.UTF_8))
                                .get("type")
                                .asString());
                    }
                });
                return types.contains("io.orderflow.order.delivered.v1");
            });
        }
        assertThat(types)
                .contains(
                        "io.orderflow.order.placed.v1",
                        "io.orderflow.payment.captured.v1",
                        "io.orderflow.order.delivered.v1");
    }

    @Test
    void aProjectionIsReplayedThroughTheAdminEndpointWithItsProgressShown() {
        String placed = customer.placeOrder("[{\"productId\":\"PROD-005\",\"quantity\":1}]", "pm_card_visa");
        customer.awaitFinal(placed, SETTLES);
        long head = readModels().get("head").asLong();

        var replay = admin.post("/api/admin/projections/order-projection/replay", null);
        assertThat(replay.statusCode()).as(replay.body()).isEqualTo(202);
        assertThat(Api.read(replay.body()).get("name").asString())
                .as("the processor that runs the projection")
                .isEqualTo("read-models");

        // the store of this test is small: since projections write each batch in bulk, a replay of it may end
        // between two polls, so its progress is checked whenever it is seen, and the end always
        List<JsonNode> progress = new ArrayList<>();
        JsonNode done = await().atMost(SETTLES)
                .pollInterval(Duration.ofMillis(20))
                .until(
                        () -> {
                            JsonNode projection = readModels();
                            if (projection.get("replaying").asBoolean()) {
                                progress.add(projection.get("replay"));
                            }
                            return projection;
                        },
                        projection -> !projection.get("replaying").asBoolean()
                                && projection.get("position").asLong() >= head
                                && projection.get("lag").asLong() == 0);
        assertThat(done.get("running").asBoolean()).isTrue();
        assertThat(progress)
                .allSatisfy(seen -> assertThat(seen.get("done").asLong())
                        .isBetween(0L, seen.get("total").asLong()));
        assertThat(customer.order(placed).get("status").asString())
                .as("the order's document rebuilt by the replay")
                .isEqualTo("DELIVERED");
    }

    @Test
    void theDomainsRefusalsAnswerAsInStandalone() {
        String product = "DIST-" + UUID.randomUUID().toString().substring(0, 8);
        var created = admin.post("/api/products", productBody(product));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

        var taken = admin.post("/api/products", productBody(product));
        assertThat(taken.statusCode()).as(taken.body()).isEqualTo(409);
        assertThat(Api.read(taken.body()).get("detail").asString()).isEqualTo("There is already a product " + product);

        var tooMany = admin.post(
                "/api/products/" + product + "/stock",
                "{\"adjustmentId\":\"damaged-1\",\"change\":-5,\"reason\":\"damaged\"}");
        assertThat(tooMany.statusCode()).as(tooMany.body()).isEqualTo(409);
        assertThat(Api.read(tooMany.body()).get("detail").asString())
                .isEqualTo("Cannot write off 5 of " + product + ": 2 available, 0 reserved by orders");

        var unknown = admin.post(
                "/api/products/NO-SUCH-PRODUCT/stock",
                "{\"adjustmentId\":\"delivery-1\",\"change\":1,\"reason\":\"delivery\"}");
        assertThat(unknown.statusCode()).as(unknown.body()).isEqualTo(404);
        assertThat(Api.read(unknown.body()).get("detail").asString()).isEqualTo("There is no product NO-SUCH-PRODUCT");
    }

    /**
     * The console in headless Chromium, served by the gateway service: a customer orders through the form and watches
     * the order reach {@code DELIVERED} without reloading; an operator sees the query side's processors and the
     * command side's refusal of a taken product id at the form.
     */
    @Test
    void theConsoleWorksThroughTheGatewayService() {
        try (Browser browser = Browser.startOrSkip()) {
            browser.forget(platform.gateway(), "distributed");
            browser.open("/console/");
            browser.waitFor(By.cssSelector("input[name=email]"));
            browser.click(By.linkText("Sign up"));
            browser.type(By.cssSelector("input[name=email]"), "console-" + UUID.randomUUID() + "@example.com");
            browser.type(By.cssSelector("input[name=name]"), "Grace Distributed");
            browser.type(By.cssSelector("input[name=password]"), Api.PASSWORD);
            browser.click(By.cssSelector("button[type=submit]"));
            browser.waitForText(By.id("flash"), "your account is ready");

            browser.click(By.cssSelector("tr[data-product='PROD-002'] a.button"));
            browser.type(By.name("items[0].quantity"), "1");
            browser.fillAddress("10115");
            browser.click(By.cssSelector("form button[type=submit]"));
            browser.waitFor(By.id("order-status"));
            browser.markPage();
            browser.waitFor(By.cssSelector("#order-status [data-status=DELIVERED]"));
            assertThat(browser.pageIsTheMarkedOne())
                    .as("the page was not reloaded")
                    .isTrue();
            browser.screenshot("delivered");

            browser.click(By.xpath("//button[text()='Sign out']"));
            browser.waitForText(By.id("flash"), "You have signed out.");
            browser.signIn(DistributedPlatform.ADMIN_EMAIL, DistributedPlatform.ADMIN_PASSWORD);

            browser.open("/console/#/admin/processors");
            browser.waitFor(
                    By.cssSelector("tr[data-processor='read-models'] button[aria-label='Replay order-projection']"));
            browser.screenshot("processors");

            browser.open("/console/#/admin/catalog");
            browser.type(By.cssSelector("form[aria-label='New product'] input[name=productId]"), "PROD-001");
            browser.type(By.cssSelector("form[aria-label='New product'] input[name=name]"), "Headphones again");
            browser.type(By.cssSelector("form[aria-label='New product'] input[name='price.amount']"), "10.00");
            browser.click(By.xpath("//button[text()='Create product']"));
            browser.waitForText(
                    By.cssSelector("form[aria-label='New product'] .form-problem"),
                    "There is already a product PROD-001");
            browser.screenshot("taken-id");

            assertThat(browser.otherOrigins()).as("requests to other origins").isEmpty();
            assertThat(browser.consoleErrors())
                    .as("errors in the browser's console")
                    .isEmpty();
        }
    }

    private static String productBody(String productId) {
        return """
                {"productId":"%s","name":"Distributed Lamp","price":{"amount":"3.00","currency":"USD"},
                 "initialStock":2}""".formatted(productId);
    }

    /** The processor of every projection, the order projection's among them. */
    private static JsonNode readModels() {
        for (JsonNode projection : Api.read(admin.get("/api/admin/projections").body())) {
            if (projection.get("name").asString().equals("read-models")) {
                return projection;
            }
        }
        throw new AssertionError("no read-models in /api/admin/projections");
    }

    /** A product's stock once no order of this test is moving it: the same value twice, a second apart. */
    private static int[] settled(String productId) {
        int[][] last = {customer.stock(productId)};
        return await().atMost(SETTLES)
                .pollInterval(Duration.ofSeconds(1))
                .until(
                        () -> {
                            int[] now = customer.stock(productId);
                            boolean same = now[0] == last[0][0] && now[1] == last[0][1];
                            last[0] = now;
                            return same ? now : null;
                        },
                        stock -> stock != null);
    }

    private static void awaitStock(String productId, int[] expected) {
        await().atMost(SETTLES)
                .untilAsserted(() -> assertThat(customer.stock(productId)).containsExactly(expected));
    }
}
