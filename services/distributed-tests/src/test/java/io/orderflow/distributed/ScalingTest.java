package io.orderflow.distributed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.orderflow.bench.DistributedPlatform;
import io.orderflow.bench.DistributedPlatform.Instance;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

/**
 * More than one instance of a service: two query-side instances share the projections' segments through Axon
 * Server and take over each other's after a SIGKILL; two command-side instances both handle commands.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScalingTest {

    private static final Duration SETTLES = Duration.ofSeconds(90);
    /** The processor of every projection. */
    private static final List<String> PROJECTIONS = List.of("read-models");

    private static DistributedPlatform platform;
    private static Api customer;

    @BeforeAll
    static void start() throws Exception {
        platform = TestPlatform.of(ScalingTest.class);
        // a new instance asks Axon Server for its share soon after it is ready
        platform.set("ORDERFLOW_PROCESSOR_BALANCE_INTERVAL", "5s");
        platform.startAll();
        platform.start("query-side");
        platform.start("command-side");
        customer = Api.newCustomer(platform.gateway());
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    @Order(1)
    void twoQuerySideInstancesSplitTheSegmentsAndOneTakesOverTheOthersAfterASigkill() throws Exception {
        List<Instance> querySide = platform.instances("query-side");
        Set<String> both = querySide.stream().map(ScalingTest::owner).collect(Collectors.toSet());
        await().atMost(SETTLES).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            for (String projection : PROJECTIONS) {
                assertThat(owners(projection)).as("claims of " + projection).isEqualTo(both);
            }
        });

        int[] stockBefore = customer.stock("PROD-008");
        var orders = new ArrayList<String>();
        for (int i = 0; i < 15; i++) {
            orders.add(customer.placeOrder("[{\"productId\":\"PROD-008\",\"quantity\":1}]", "pm_card_visa"));
        }
        // killed while those orders move on: events it handled but had not recorded are handled again by the other
        platform.kill(querySide.get(1));

        Instance survivor = querySide.get(0);
        await().atMost(SETTLES).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            for (String projection : PROJECTIONS) {
                assertThat(owners(projection)).as("claims of " + projection).containsExactly(owner(survivor));
            }
        });
        // then more orders, all on the survivor
        for (int i = 0; i < 15; i++) {
            orders.add(customer.placeOrder("[{\"productId\":\"PROD-008\",\"quantity\":1}]", "pm_card_visa"));
        }
        for (String orderId : orders) {
            assertThat(customer.awaitFinal(orderId, SETTLES).get("status").asString())
                    .isEqualTo("DELIVERED");
        }
        // no event missed or applied twice: every order tells the same story, once, and the stock adds up
        Map<String, List<String>> stories = new TreeMap<>();
        for (String orderId : orders) {
            stories.put(orderId, story(orderId));
        }
        List<String> expected = stories.get(orders.get(0));
        assertThat(expected).contains("OrderPlaced", "PaymentCaptured", "OrderDelivered");
        // steps of the same instant may sort either way: the same events, each once
        assertThat(stories)
                .allSatisfy((orderId, story) -> assertThat(story).containsExactlyInAnyOrderElementsOf(expected));
        await().atMost(SETTLES)
                .untilAsserted(() -> assertThat(customer.stock("PROD-008"))
                        .containsExactly(stockBefore[0] - orders.size(), stockBefore[1]));
        for (String orderId : orders) {
            JsonNode order = customer.order(orderId);
            assertThat(order.get("status").asString()).isEqualTo("DELIVERED");
        }
    }

    @Test
    @Order(2)
    void twoCommandSideInstancesBothHandleCommands() throws Exception {
        List<Instance> commandSide = platform.instances("command-side");
        assertThat(commandSide).hasSize(2);
        var orders = new ArrayList<String>();
        for (int i = 0; i < 20; i++) {
            orders.add(customer.placeOrder("[{\"productId\":\"PROD-003\",\"quantity\":1}]", "pm_card_visa"));
        }
        orders.forEach(orderId -> customer.awaitStatus(orderId, SETTLES, "DELIVERED"));

        for (Instance instance : commandSide) {
            assertThat(instance.commandsHandled("PlaceOrderCommand") + instance.commandsHandled("ReserveStockCommand"))
                    .as("orders' commands handled by " + instance.url())
                    .isPositive();
        }
    }

    /** The event types of an order's timeline, in order, each event there once. */
    private static List<String> story(String orderId) {
        List<String> types = new ArrayList<>();
        Set<String> eventIds = new HashSet<>();
        for (JsonNode entry :
                Api.read(customer.get("/api/orders/" + orderId + "/events").body())) {
            types.add(entry.get("type").asString());
            assertThat(eventIds.add(entry.get("eventId").asString()))
                    .as("event %s twice in the timeline of %s", entry.get("eventId"), orderId)
                    .isTrue();
        }
        return types;
    }

    private static Set<String> owners(String processor) throws SQLException {
        try (var connection = platform.database();
                var statement = connection.prepareStatement(
                        "select distinct owner from tokenentry where processorname = ? and owner is not null")) {
            statement.setString(1, processor);
            var owners = new HashSet<String>();
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    owners.add(rows.getString(1).replaceAll("@.*", ""));
                }
            }
            return owners;
        }
    }

    /** How Axon's JDBC token store names an instance: its process id, before the host name. */
    private static String owner(Instance instance) {
        return Long.toString(instance.process().pid());
    }
}
