package io.orderflow.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * An operator's catalog changes over HTTP: a new product, its name and price, stock in and out. Each change is an
 * event on the product, shows in the catalog, and new orders see it; bad input is a problem naming the field, and
 * a refused change stores nothing.
 */
class CatalogChangesTest {

    private static TestPlatform platform;
    private static TestPlatform.Client admin;

    @BeforeAll
    static void start() {
        platform = TestPlatform.shared();
        admin = platform.admin();
    }

    @Test
    void aNewProductIsSoldAtItsPriceAndRestocked() {
        String product = newProduct("19.90", 2);
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(
                                platform.get("/api/products/" + product).statusCode())
                        .isEqualTo(200));
        assertThat(TestPlatform.read(platform.get("/api/products/" + product).body())
                        .get("name")
                        .asString())
                .isEqualTo("Catalog test " + product);

        HttpResponse<String> changed = admin.send(
                "PUT",
                "/api/products/" + product,
                "{\"name\":\"Renamed\",\"price\":{\"amount\":25.00,\"currency\":\"USD\"}}",
                Map.of());
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(TestPlatform.read(changed.body()).get("price").get("amount").asDouble())
                .isEqualTo(25.0);
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(TestPlatform.read(
                                        platform.get("/api/products/" + product).body())
                                .get("name")
                                .asString())
                        .isEqualTo("Renamed"));

        HttpResponse<String> restocked = stock(product, "delivery-1", 10);
        assertThat(restocked.statusCode()).as(restocked.body()).isEqualTo(200);
        assertThat(TestPlatform.read(restocked.body()).get("stockAvailable").asInt())
                .isEqualTo(12);
        // the same adjustment again, as a retried request: nothing more
        assertThat(TestPlatform.read(stock(product, "delivery-1", 10).body())
                        .get("stockAvailable")
                        .asInt())
                .isEqualTo(12);
        platform.awaitStock(product, 12, 0);

        String orderId =
                platform.placeOrder("[{\"productId\":\"" + product + "\",\"quantity\":3}]", "pm_card_visa", "N1 9GU");
        JsonNode order = platform.awaitStatus(orderId, Duration.ofSeconds(30), "DELIVERED");
        assertThat(order.get("total").get("amount").asDouble()).isEqualTo(75.0);
        platform.awaitStock(product, 9, 0);

        HttpResponse<String> writtenOff = stock(product, "damaged-1", -9);
        assertThat(writtenOff.statusCode()).as(writtenOff.body()).isEqualTo(200);
        platform.awaitStock(product, 0, 0);
        assertThat(platform.eventsOf(product))
                .containsExactly(
                        "ProductCreatedEvent",
                        "ProductDetailsChangedEvent",
                        "StockAdjustedEvent",
                        "StockReservedEvent",
                        "StockCommittedEvent",
                        "StockAdjustedEvent");
    }

    @Test
    void aWriteOffCannotTakeReservedOrMissingUnits() {
        String product = newProduct("5.00", 4);
        HttpResponse<String> tooMany = stock(product, "damaged-1", -5);
        assertThat(tooMany.statusCode()).as(tooMany.body()).isEqualTo(409);
        assertThat(TestPlatform.read(tooMany.body()).get("detail").asString())
                .isEqualTo("Cannot write off 5 of " + product + ": 4 available, 0 reserved by orders");
        assertThat(platform.eventsOf(product)).containsExactly("ProductCreatedEvent");
    }

    @Test
    void aProductIdIsTakenOnce() {
        String product = newProduct("5.00", 1);
        HttpResponse<String> again = admin.post("/api/products", body(product, "5.00", 1), Map.of());
        assertThat(again.statusCode()).as(again.body()).isEqualTo(409);
        assertThat(TestPlatform.read(again.body()).get("detail").asString())
                .isEqualTo("There is already a product " + product);
    }

    @Test
    void badInputNamesTheField() {
        HttpResponse<String> noPrice = admin.post(
                "/api/products",
                "{\"productId\":\"X-1\",\"name\":\"X\",\"price\":{\"amount\":0,\"currency\":\"usd\"},"
                        + "\"initialStock\":-1}",
                Map.of());
        assertThat(noPrice.statusCode()).isEqualTo(400);
        assertThat(fields(noPrice)).containsExactlyInAnyOrder("price.amount", "price.currency", "initialStock");
        assertThat(platform.get("/api/products/X-1").statusCode()).isEqualTo(404);

        HttpResponse<String> noChange = stock("PROD-001", "", 0);
        assertThat(noChange.statusCode()).isEqualTo(400);
        assertThat(fields(noChange)).contains("adjustmentId");

        HttpResponse<String> unknown = stock("NO-SUCH-PRODUCT", "delivery-1", 1);
        assertThat(unknown.statusCode()).as(unknown.body()).isEqualTo(404);
        assertThat(TestPlatform.read(unknown.body()).get("detail").asString())
                .isEqualTo("There is no product NO-SUCH-PRODUCT");
    }

    @Test
    void customersCannotChangeTheCatalog() {
        HttpResponse<String> asCustomer =
                platform.customer().post("/api/products", body("CUSTOMER-1", "1.00", 1), Map.of());
        assertThat(asCustomer.statusCode()).isEqualTo(403);
        assertThat(platform.eventsOf("CUSTOMER-1")).isEmpty();
    }

    private static String newProduct(String price, int stock) {
        String product = "CAT-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> created = admin.post("/api/products", body(product, price, stock), Map.of());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).endsWith("/api/products/" + product));
        return product;
    }

    private static String body(String product, String price, int stock) {
        return "{\"productId\":\"" + product + "\",\"name\":\"Catalog test " + product + "\",\"price\":{\"amount\":"
                + price + ",\"currency\":\"USD\"},\"initialStock\":" + stock + "}";
    }

    private static HttpResponse<String> stock(String product, String adjustmentId, int change) {
        return admin.post(
                "/api/products/" + product + "/stock",
                "{\"adjustmentId\":\"" + adjustmentId + "\",\"change\":" + change + ",\"reason\":\"test\"}",
                Map.of());
    }

    private static List<String> fields(HttpResponse<String> problem) {
        var fields = new ArrayList<String>();
        TestPlatform.read(problem.body())
                .get("errors")
                .forEach(error -> fields.add(error.get("field").asString()));
        return fields;
    }
}
