package io.orderflow.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.orderflow.api.order.DerivedIds;
import io.orderflow.query.QuerySide;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import tools.jackson.databind.JsonNode;

/**
 * The console, walked through in headless Chromium against the real platform: a customer signs up, orders and
 * watches the order's end arrive live; the API's field messages show at the form's fields; customers stay out of
 * each other's orders; an operator watches the live list, compensates an order, reads the charts, replays a projection
 * and restocks. Every page is checked for requests to other origins and for errors in the browser's console (a
 * Content-Security-Policy refusal among them). Screenshots go to {@code target/console-screenshots}. Skipped, with
 * one line saying so, where no Chromium is installed.
 */
@ResourceLock(TestPlatform.SHARED)
class ConsoleBrowserTest {

    private static final Duration SETTLES = Duration.ofSeconds(30);
    /** Enough events for a replay that lasts a few seconds, so its progress can be watched. */
    private static final int REPLAYED_EVENTS = 5_000;

    private static TestPlatform platform;
    private static Browser browser;
    private static String product;

    @BeforeAll
    static void start() {
        browser = Browser.startOrSkip();
        platform = TestPlatform.shared();
        product = "CONSOLE-" + UUID.randomUUID().toString().substring(0, 8);
        var created = platform.admin().post("/api/products", """
                        {"productId":"%s","name":"Console Lamp","price":{"amount":"12.50","currency":"USD"},
                         "initialStock":1000}""".formatted(product), Map.of());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        platform.awaitStock(product, 1000, 0);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    @BeforeEach
    void freshBrowser(TestInfo test) {
        browser.forget(
                platform.uri("").toString(), test.getTestMethod().orElseThrow().getName());
    }

    @AfterEach
    void nothingWentWrongInThePage() {
        browser.screenshot("end");
        assertThat(browser.otherOrigins()).as("requests to other origins").isEmpty();
        assertThat(browser.consoleErrors())
                .as("errors in the browser's console")
                .isEmpty();
    }

    @Test
    void aCustomerSignsUpOrdersAndWatchesTheOrderReachDeliveredWithoutReloading() {
        String email = "browser-" + UUID.randomUUID() + "@example.com";
        browser.open("/console/");
        browser.waitFor(By.cssSelector("input[name=email]"));
        browser.click(By.linkText("Sign up"));
        browser.type(By.cssSelector("input[name=email]"), email);
        browser.type(By.cssSelector("input[name=name]"), "Grace Browser");
        browser.type(By.cssSelector("input[name=password]"), TestPlatform.PASSWORD);
        browser.click(By.cssSelector("button[type=submit]"));
        browser.waitForText(By.id("flash"), "your account is ready");
        browser.screenshot("catalog");

        browser.click(By.cssSelector("tr[data-product='" + product + "'] a.button"));
        browser.waitFor(By.name("items[0].quantity"));
        assertThat(browser.value(By.name("items[0].productId"))).isEqualTo(product);
        browser.type(By.name("items[0].quantity"), "2");
        browser.fillAddress(TestPlatform.CARRIER_REPORTS_ON_KAFKA);
        browser.screenshot("order-form");
        browser.click(By.cssSelector("form button[type=submit]"));

        browser.waitFor(By.cssSelector("#order-status [data-status=PAID]"));
        String orderId = browser.currentUrl().replaceAll(".*#/orders/", "");
        assertThat(browser.text(By.id("order-total"))).contains("25.00");
        browser.markPage();

        // the carrier picks the parcel up and delivers it, reporting on Kafka; the page hears it over SSE
        browser.waitFor(By.cssSelector("section[aria-label=Status] [data-status=CREATED]"));
        String shipmentId = DerivedIds.shipmentOf(orderId);
        platform.reportAsCarrier(
                "carrier",
                UUID.randomUUID().toString(),
                "shipment-dispatched",
                "{\"shipmentId\":\"" + shipmentId + "\",\"trackingNumber\":\"TRACK-BROWSER\"}");
        browser.waitFor(By.cssSelector("#order-status [data-status=SHIPPED]"));
        platform.reportAsCarrier(
                "carrier",
                UUID.randomUUID().toString(),
                "shipment-delivered",
                "{\"shipmentId\":\"" + shipmentId + "\"}");
        browser.waitFor(By.cssSelector("#order-status [data-status=DELIVERED]"));
        browser.waitFor(By.cssSelector("ol.timeline li[data-type=OrderDelivered]"));

        assertThat(browser.pageIsTheMarkedOne()).as("the page was not reloaded").isTrue();
        assertThat(browser.text(By.id("order-status"))).isEqualTo("Delivered");
        assertThat(browser.text(By.cssSelector("section[aria-label=Status]"))).contains("Tracking");
        assertThat(browser.elements(By.cssSelector("ol.timeline li"))).hasSizeGreaterThanOrEqualTo(5);
        assertThat(browser.elements(By.xpath("//button[text()='Cancel order']")))
                .isEmpty();
        browser.screenshot("delivered");

        browser.resize(390, 844);
        browser.screenshot("delivered-phone");
        assertThat(browser.horizontalOverflow())
                .as("the page fits a phone's width")
                .isLessThanOrEqualTo(0);
        browser.resize(1280, 900);
    }

    @Test
    void aBadQuantityShowsTheApisMessageAtTheFieldAndPlacesNothing() {
        TestPlatform.Client customer = platform.newCustomer();
        browser.signIn(customer.email(), TestPlatform.PASSWORD);
        browser.open("/console/#/place/" + product);
        browser.type(By.name("items[0].quantity"), "0");
        browser.fillAddress("10115");
        browser.click(By.cssSelector("form button[type=submit]"));

        WebElement quantity = browser.waitFor(By.cssSelector("[name='items[0].quantity'][aria-invalid=true]"));
        String errorLine = quantity.getDomAttribute("aria-describedby");
        assertThat(browser.text(By.id(errorLine))).isEqualTo("must be at least 1");
        assertThat(browser.activeElementName()).isEqualTo("items[0].quantity");
        assertThat(browser.elements(By.cssSelector("[aria-invalid=true]"))).hasSize(1);
        assertThat(TestPlatform.read(customer.get("/api/orders").body())
                        .get("total")
                        .asLong())
                .isZero();
    }

    @Test
    void aSessionThatEndedSendsThePersonBackToSignInWithAMessage() {
        TestPlatform.Client customer = platform.newCustomer();
        browser.signIn(customer.email(), TestPlatform.PASSWORD);
        browser.waitForText(By.cssSelector("h1"), "Catalog");
        browser.open("/console/#/orders");
        browser.waitForText(By.cssSelector("main"), "You have no orders yet");

        // an operator disables the account: its tokens stop working and its session ends
        assertThat(platform.admin()
                        .post("/api/admin/users/" + customer.id() + "/disable", "", Map.of())
                        .statusCode())
                .isEqualTo(200);
        browser.click(By.linkText("Catalog"));

        browser.waitFor(By.cssSelector("input[name=email]"));
        assertThat(browser.text(By.id("flash"))).isEqualTo("Your session has ended. Please sign in again.");
        assertThat(browser.currentUrl()).endsWith("#/signin");
    }

    @Test
    void aSecondCustomerCannotOpenTheFirstOnesOrder() {
        String orderId = platform.newCustomer()
                .placeOrder("[{\"productId\":\"" + product + "\",\"quantity\":1}]", "pm_card_visa", "10115");
        TestPlatform.Client second = platform.newCustomer();
        browser.signIn(second.email(), TestPlatform.PASSWORD);
        browser.open("/console/#/orders/" + orderId);

        assertThat(browser.waitFor(By.cssSelector("[role=alert]")).getText()).contains("There is no order " + orderId);
        assertThat(browser.elements(By.id("order-status"))).isEmpty();
    }

    @Test
    void anOperatorSeesANewOrderLiveAndCompensatesAnother() {
        TestPlatform.Client customer = platform.newCustomer();
        String stalled = customer.placeOrder(
                "[{\"productId\":\"" + product + "\",\"quantity\":1}]",
                "pm_card_visa",
                TestPlatform.CARRIER_REPORTS_ON_KAFKA);
        awaitStatus(stalled, "PAID");
        browser.signIn(TestPlatform.ADMIN_EMAIL, TestPlatform.ADMIN_PASSWORD);
        browser.waitForText(By.cssSelector("h1"), "Orders");
        browser.waitForText(By.cssSelector(".live"), "Live updates: on");
        browser.markPage();

        String placed =
                customer.placeOrder("[{\"productId\":\"" + product + "\",\"quantity\":3}]", "pm_card_visa", "10115");
        browser.waitFor(By.cssSelector("tr[data-order='" + placed + "']"));
        assertThat(browser.pageIsTheMarkedOne()).isTrue();
        browser.screenshot("live-list");

        browser.click(By.cssSelector("tr[data-order='" + stalled + "'] a"));
        browser.waitFor(By.cssSelector("#order-status [data-status=PAID]"));
        browser.type(By.name("reason"), "customer called");
        browser.click(By.xpath("//button[text()='Compensate']"));
        browser.waitFor(By.cssSelector("dialog[open]"));
        browser.click(By.id("confirm-yes"));
        browser.waitForText(By.cssSelector("[role=status] .notice"), "Compensation started");
        browser.waitFor(By.cssSelector("#order-status [data-status=CANCELLED]"));
        assertThat(browser.text(By.id("order-reason"))).isEqualTo("cancelled by an operator: customer called");
        assertThat(platform.admin().order(stalled).get("status").asString()).isEqualTo("CANCELLED");
        browser.screenshot("compensated");
    }

    @Test
    void theChartsDrawWithTheDaysFigures() {
        String orderId = platform.newCustomer()
                .placeOrder("[{\"productId\":\"" + product + "\",\"quantity\":1}]", "pm_card_visa", "10115");
        awaitStatus(orderId, "DELIVERED");
        browser.signIn(TestPlatform.ADMIN_EMAIL, TestPlatform.ADMIN_PASSWORD);
        browser.open("/console/#/admin/charts");

        browser.waitFor(By.cssSelector("#chart-orders canvas"));
        browser.waitFor(By.cssSelector("#chart-revenue canvas"));
        browser.waitFor(By.cssSelector("#chart-live canvas"));
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        JsonNode figures = TestPlatform.read(platform.admin()
                .get("/api/analytics/daily?from=" + today + "&to=" + today)
                .body());
        long ordersToday = figures.get(0).get("totalOrders").asLong();
        assertThat(ordersToday).isPositive();
        WebElement row = browser.present(By.cssSelector("tr[data-day='" + today + "'] td[data-total]"));
        assertThat(Long.parseLong(row.getDomAttribute("data-total"))).isEqualTo(ordersToday);
        assertThat(Long.parseLong(browser.present(By.id("chart-live")).getDomAttribute("data-placed")))
                .isPositive();
        browser.screenshot("charts");
    }

    @Test
    void aReplaysProgressBarMovesToDone() {
        seedStockHistory(REPLAYED_EVENTS);
        // the live processors take the seeded history in first (the Kafka publisher publishes it), so that neither
        // the replay nor the tests after this one wait behind it
        awaitCatchUp("the seeded history");
        browser.signIn(TestPlatform.ADMIN_EMAIL, TestPlatform.ADMIN_PASSWORD);
        browser.open("/console/#/admin/processors");
        String projection = QuerySide.INVENTORY_PROJECTION;
        browser.click(By.cssSelector("button[aria-label='Replay " + projection + "']"));
        browser.waitFor(By.cssSelector("dialog[open]"));
        browser.click(By.id("confirm-yes"));

        List<String> seen = new ArrayList<>();
        browser.waitUntil(() -> {
            // read in one go: the table is drawn anew at each refresh
            String value = (String) browser.run("const bar = document.querySelector(\"tr[data-processor='"
                    + QuerySide.READ_MODELS
                    + "'] progress\"); return bar && bar.value + '/' + bar.max"
                    + " + (bar.parentElement.textContent.includes('" + projection + ": replay done') ? ' done' : '')");
            if (value != null && (seen.isEmpty() || !seen.get(seen.size() - 1).equals(value))) {
                seen.add(value);
            }
            return value != null && value.endsWith(" done");
        });
        System.out.printf("[console] replay progress seen: %s%n", seen);
        assertThat(seen.get(0)).as("the bar starts short of done").doesNotEndWith(" done");
        String[] last = seen.get(seen.size() - 1).replace(" done", "").split("/");
        assertThat(Double.parseDouble(last[0])).isEqualTo(Double.parseDouble(last[1]));
        browser.screenshot("replayed");
        awaitCatchUp("the replay");
    }

    private static void awaitCatchUp(String what) {
        long started = System.nanoTime();
        platform.awaitProcessorsCaughtUp(Duration.ofMinutes(3));
        System.out.printf(
                "[console] every processor caught up with %s in %d ms%n",
                what, Duration.ofNanos(System.nanoTime() - started).toMillis());
    }

    @Test
    void aRestockShowsTheNewStockInTheCatalog() {
        int before = TestPlatform.read(platform.get("/api/products/" + product).body())
                .get("stockAvailable")
                .asInt();
        browser.signIn(TestPlatform.ADMIN_EMAIL, TestPlatform.ADMIN_PASSWORD);
        browser.open("/console/#/admin/catalog");
        By row = By.cssSelector("tr[data-product='" + product + "']");
        browser.waitFor(row);
        browser.type(By.cssSelector("tr[data-product='" + product + "'] input[name=change]"), "25");
        browser.type(By.cssSelector("tr[data-product='" + product + "'] input[name=reason]"), "delivery");
        browser.click(By.xpath("//tr[@data-product='" + product + "']//button[text()='Adjust stock']"));

        browser.waitFor(By.cssSelector("tr[data-product='" + product + "'] td[data-stock='" + (before + 25) + "']"));
        assertThat(browser.text(By.id("flash"))).contains(product + ": ").contains(" units available now");

        browser.click(By.xpath("//button[text()='Sign out']"));
        browser.waitForText(By.id("flash"), "You have signed out.");
        TestPlatform.Client customer = platform.newCustomer();
        browser.signIn(customer.email(), TestPlatform.PASSWORD);
        browser.waitFor(By.cssSelector("tr[data-product='" + product + "'] td[data-stock='" + (before + 25) + "']"));
        browser.screenshot("customer-catalog");
    }

    /**
     * A product with a long history, written into the event store as its commands would have: created, then restocked
     * one unit at a time. The live processors take it in like any other history.
     */
    private static void seedStockHistory(int adjustments) {
        String seeded = "REPLAY-" + UUID.randomUUID().toString().substring(0, 8);
        List<Object[]> rows = new ArrayList<>();
        rows.add(row(
                seeded,
                0,
                "io.orderflow.api.inventory.ProductCreatedEvent",
                "{\"productId\":\"%s\",\"name\":\"Replay seed\",\"price\":{\"amount\":1.00,\"currency\":\"USD\"},"
                                .formatted(seeded)
                        + "\"initialStock\":0}"));
        for (int i = 1; i <= adjustments; i++) {
            rows.add(row(
                    seeded,
                    i,
                    "io.orderflow.api.inventory.StockAdjustedEvent",
                    ("{\"productId\":\"%s\",\"adjustmentId\":\"seed-%d\",\"change\":1,\"reason\":\"delivery\","
                                    + "\"stockAvailable\":%d,\"stockReserved\":0}")
                            .formatted(seeded, i, i)));
        }
        platform.jdbc()
                .batchUpdate(
                        "insert into domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier,"
                                + " metadata, payload, payloadtype, timestamp) values (?, ?, 'Product', ?, ?, ?, ?, ?)",
                        rows);
    }

    private static Object[] row(String aggregate, long sequence, String type, String payload) {
        return new Object[] {
            aggregate,
            sequence,
            UUID.randomUUID().toString(),
            "{}".getBytes(StandardCharsets.UTF_8),
            payload.getBytes(StandardCharsets.UTF_8),
            type,
            Instant.now().toString()
        };
    }

    /** Waits for the order's status as an operator sees it (the platform's default customer did not place it). */
    private static void awaitStatus(String orderId, String status) {
        await().atMost(SETTLES).until(() -> {
            JsonNode order = platform.admin().order(orderId);
            return order != null && status.equals(order.get("status").asString());
        });
    }
}
