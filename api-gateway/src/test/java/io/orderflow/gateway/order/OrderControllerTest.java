package io.orderflow.gateway.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.orderflow.api.common.Money;
import io.orderflow.api.inventory.FindProductsQuery;
import io.orderflow.api.inventory.ProductList;
import io.orderflow.api.inventory.ProductView;
import io.orderflow.api.order.FindOrderQuery;
import io.orderflow.api.order.OrderLine;
import io.orderflow.api.order.OrderStatus;
import io.orderflow.api.order.OrderView;
import io.orderflow.api.order.PlaceOrderCommand;
import io.orderflow.gateway.config.BoundedQueries;
import io.orderflow.gateway.security.TokenIssuer;
import io.orderflow.gateway.support.GatewayWebSlice;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseType;
import org.axonframework.queryhandling.DefaultSubscriptionQueryResult;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.ResultMatcher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * What {@code POST /api/orders} accepts, and how it refuses the rest: a 400 problem body that names each offending
 * field, answered before any command is sent. The catalog and the order are the domain's; here a mocked
 * {@link QueryGateway} and {@link CommandGateway} answer for them. Tokens are real, signed by the gateway's key.
 */
@WebMvcTest(OrderController.class)
@GatewayWebSlice
@Import(BoundedQueries.class)
class OrderControllerTest {

    private static final JsonMapper JSON = new JsonMapper();
    private static final ProductView MUG = new ProductView("mug", "Mug", Money.of("12.50", "EUR"), 10, 0);
    private static final ProductView TEAPOT = new ProductView("teapot", "Teapot", Money.of("40.00", "EUR"), 3, 0);
    private static final String ONE_MUG = """
            [{"productId": "mug", "quantity": 2}]""";

    @Autowired
    private MockMvc mvc;

    @Autowired
    private TokenIssuer tokens;

    @MockitoBean
    private CommandGateway commands;

    @MockitoBean
    private QueryGateway queries;

    private final String customerId = UUID.randomUUID().toString();

    @BeforeEach
    void theCatalogSellsMugsAndTeapotsAndTheReadModelKeepsUp() {
        catalogHas(MUG, TEAPOT);
        doAnswer(call -> new DefaultSubscriptionQueryResult<>(Mono.empty(), Flux.empty(), () -> true))
                .when(queries)
                .subscriptionQuery(any(FindOrderQuery.class), any(ResponseType.class), any(ResponseType.class));
        doAnswer(call -> CompletableFuture.completedFuture(Optional.of(
                        createdOrder(call.<FindOrderQuery>getArgument(0).orderId()))))
                .when(queries)
                .query(any(FindOrderQuery.class), any(ResponseType.class));
        when(commands.sendAndWait(any(PlaceOrderCommand.class), anyLong(), any(TimeUnit.class)))
                .thenAnswer(call -> call.<PlaceOrderCommand>getArgument(0).orderId());
    }

    @Test
    void placesAnOrderPricedFromTheCatalogForTheCaller() throws Exception {
        String items = """
                [{"productId": "mug", "quantity": 2}, {"productId": "teapot", "quantity": 1}]""";

        MvcResult result = place(order(items, address()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("CREATED"))
                .andReturn();

        PlaceOrderCommand command = placed();
        assertThat(result.getResponse().getHeader(HttpHeaders.LOCATION)).endsWith("/api/orders/" + command.orderId());
        assertThat(result.getResponse().getContentAsString()).contains(command.orderId());
        assertThat(command.customerId()).isEqualTo(customerId);
        assertThat(command.lines())
                .containsExactly(
                        new OrderLine("mug", "Mug", 2, Money.of("12.50", "EUR")),
                        new OrderLine("teapot", "Teapot", 1, Money.of("40.00", "EUR")));
        assertThat(command.shippingAddress().city()).isEqualTo("London");
    }

    @ParameterizedTest(name = "items {0}")
    @CsvSource(delimiter = '|', textBlock = """
            missing | {"shippingAddress": %s, "paymentMethod": "pm_card_visa"}
            empty   | {"items": [], "shippingAddress": %s, "paymentMethod": "pm_card_visa"}
            """)
    void refusesAnOrderWithoutItems(String what, String body) throws Exception {
        place(body.formatted(address())).andExpectAll(refusedNaming("items", "must contain at least one item"));

        verifyNoInteractions(commands);
    }

    @ParameterizedTest(name = "quantity {0}")
    @CsvSource(delimiter = '|', textBlock = """
            0     | must be at least 1
            -3    | must be at least 1
            10000 | must be at most 9999
            """)
    void refusesAQuantityOutsideOneTo9999(int quantity, String message) throws Exception {
        String items = """
                [{"productId": "mug", "quantity": %d}]""".formatted(quantity);

        place(order(items, address())).andExpectAll(refusedNaming("items[0].quantity", message));

        verifyNoInteractions(commands);
    }

    @ParameterizedTest(name = "quantity {0}")
    @ValueSource(ints = {1, 9999})
    void acceptsAQuantityFromOneTo9999(int quantity) throws Exception {
        String items = """
                [{"productId": "mug", "quantity": %d}]""".formatted(quantity);

        place(order(items, address())).andExpect(status().isCreated());

        assertThat(placed().lines())
                .singleElement()
                .satisfies(line -> assertThat(line.quantity()).isEqualTo(quantity));
    }

    @Test
    void refusesAFractionalQuantityRatherThanRoundingIt() throws Exception {
        String items = """
                [{"productId": "mug", "quantity": 1.5}]""";

        place(order(items, address())).andExpectAll(refusedNaming("items[0].quantity", "has the wrong type or format"));

        verifyNoInteractions(commands);
    }

    @Test
    void refusesTheSameProductOnTwoLines() throws Exception {
        String items = """
                [{"productId": "mug", "quantity": 1}, {"productId": "teapot", "quantity": 1},
                 {"productId": "mug", "quantity": 3}]""";

        place(order(items, address()))
                .andExpectAll(refusedNaming("items[2].productId", "names a product already on another line"));

        verifyNoInteractions(commands);
    }

    @Test
    void refusesAProductTheCatalogDoesNotKnow() throws Exception {
        String items = """
                [{"productId": "mug", "quantity": 1}, {"productId": "kettle", "quantity": 1}]""";

        place(order(items, address()))
                .andExpectAll(refusedNaming("items[1].productId", "names no product in the catalog"));

        verify(queries).query(eq(new FindProductsQuery(Set.of("mug", "kettle"))), any(ResponseType.class));
        verifyNoInteractions(commands);
    }

    @Test
    void pointsAtTheLineAndColumnOfMalformedJson() throws Exception {
        String body = """
                {
                  "items": [{"productId": "mug", "quantity": 2}],
                  "paymentMethod" "pm_card_visa"
                }""";

        place(body).andExpectAll(refusedNaming("body", "is not well-formed JSON at line 3, column 19"));

        verifyNoInteractions(commands, queries);
    }

    @ParameterizedTest(name = "without {0}")
    @ValueSource(strings = {"recipient", "line1", "city", "postalCode", "country"})
    void refusesAnAddressWithoutARequiredField(String field) throws Exception {
        Map<String, String> address = addressFields();
        address.remove(field);

        place(order(ONE_MUG, JSON.writeValueAsString(address)))
                .andExpectAll(refusedNaming("shippingAddress." + field, "is required"));

        verifyNoInteractions(commands);
    }

    @Test
    void refusesAnOrderWithoutAShippingAddress() throws Exception {
        String body = """
                {"items": %s, "paymentMethod": "pm_card_visa"}""".formatted(ONE_MUG);

        place(body).andExpectAll(refusedNaming("shippingAddress", "is required"));

        verifyNoInteractions(commands);
    }

    @Test
    void namesEveryOffendingFieldInOneProblemSortedByField() throws Exception {
        Map<String, String> address = addressFields();
        address.put("country", "Germany");
        String body = """
                {"items": [{"productId": "mug", "quantity": 0}], "shippingAddress": %s, "paymentMethod": "visa"}""".formatted(JSON.writeValueAsString(address));

        place(body)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field")
                        .value(contains("items[0].quantity", "paymentMethod", "shippingAddress.country")))
                .andExpect(jsonPath("$.detail")
                        .value("items[0].quantity must be at least 1; "
                                + "paymentMethod must be a payment method id such as pm_card_visa; "
                                + "shippingAddress.country must be an ISO 3166-1 alpha-2 country code such as DE"));

        verifyNoInteractions(commands);
    }

    @Test
    void placesANewOrderAtEveryRequestWithoutAnIdempotencyKey() throws Exception {
        place(order(ONE_MUG, address())).andExpect(status().isCreated());
        place(order(ONE_MUG, address())).andExpect(status().isCreated());

        var sent = ArgumentCaptor.forClass(PlaceOrderCommand.class);
        verify(commands, times(2)).sendAndWait(sent.capture(), anyLong(), any(TimeUnit.class));
        assertThat(sent.getAllValues().get(0).orderId())
                .isNotEqualTo(sent.getAllValues().get(1).orderId());
    }

    @Test
    void namesTheSameOrderForTheSameIdempotencyKey() throws Exception {
        place(order(ONE_MUG, address()), "checkout-42").andExpect(status().isCreated());
        place(order(ONE_MUG, address()), "checkout-42").andExpect(status().isCreated());

        var sent = ArgumentCaptor.forClass(PlaceOrderCommand.class);
        verify(commands, times(2)).sendAndWait(sent.capture(), anyLong(), any(TimeUnit.class));
        assertThat(sent.getAllValues().get(0).orderId())
                .isEqualTo(sent.getAllValues().get(1).orderId())
                .isEqualTo(OrderController.orderIdFor(customerId, "checkout-42"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            with a space   | two words | must be printable ASCII without spaces
            not ASCII      | küche     | must be printable ASCII without spaces
            """)
    void refusesAnIdempotencyKeyThatIsNotPrintableAscii(String what, String key, String message) throws Exception {
        place(order(ONE_MUG, address()), key).andExpectAll(refusedNaming("Idempotency-Key", message));

        verifyNoInteractions(commands);
    }

    @Test
    void refusesAnEmptyIdempotencyKeyRatherThanTakingItForNone() throws Exception {
        place(order(ONE_MUG, address()), "")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field").value(everyItem(is("Idempotency-Key"))))
                .andExpect(jsonPath("$.errors[*].message")
                        .value(containsInAnyOrder(
                                "must be 1 to 255 characters", "must be printable ASCII without spaces")));

        verifyNoInteractions(commands);
    }

    @Test
    void refusesAnIdempotencyKeyLongerThan255Characters() throws Exception {
        place(order(ONE_MUG, address()), "k".repeat(256))
                .andExpectAll(refusedNaming("Idempotency-Key", "must be 1 to 255 characters"));

        verifyNoInteractions(commands);
    }

    @Test
    void answers503WhenTheCatalogDoesNotAnswerInTime() throws Exception {
        doReturn(CompletableFuture.failedFuture(new TimeoutException()))
                .when(queries)
                .query(any(FindProductsQuery.class), any(ResponseType.class));

        place(order(ONE_MUG, address()))
                .andExpect(status().isServiceUnavailable())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://orderflow.dev/problems/temporarily-unavailable"));

        verifyNoInteractions(commands);
    }

    @Test
    void refusesAnOrderWithoutATokenWith401AndABearerChallenge() throws Exception {
        mvc.perform(post("/api/orders").contentType(MediaType.APPLICATION_JSON).content(order(ONE_MUG, address())))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, startsWith("Bearer")))
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://orderflow.dev/problems/unauthorized"));

        verifyNoInteractions(commands, queries);
    }

    @Test
    void refusesAnOrderFromAnAdminWith403() throws Exception {
        String admin = tokens.issue(UUID.randomUUID().toString(), "ADMIN", 0).accessToken();

        mvc.perform(post("/api/orders")
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + admin)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(order(ONE_MUG, address())))
                .andExpect(status().isForbidden())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://orderflow.dev/problems/forbidden"));

        verifyNoInteractions(commands, queries);
    }

    /** A 400 problem body whose only error is the field given, with the message given. */
    private static ResultMatcher[] refusedNaming(String field, String message) {
        return new ResultMatcher[] {
            status().isBadRequest(),
            content().contentType(MediaType.APPLICATION_PROBLEM_JSON),
            jsonPath("$.type").value("https://orderflow.dev/problems/invalid-request"),
            jsonPath("$.title").value("Invalid request"),
            jsonPath("$.status").value(400),
            jsonPath("$.detail").value(field + " " + message),
            jsonPath("$.errors[*].field").value(contains(field)),
            jsonPath("$.errors[0].message").value(message)
        };
    }

    private ResultActions place(String body) throws Exception {
        return place(body, null);
    }

    private ResultActions place(String body, String idempotencyKey) throws Exception {
        String token = tokens.issue(customerId, "CUSTOMER", 0).accessToken();
        var request = post("/api/orders")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON)
                .content(body);
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return mvc.perform(request);
    }

    private PlaceOrderCommand placed() {
        var sent = ArgumentCaptor.forClass(PlaceOrderCommand.class);
        verify(commands).sendAndWait(sent.capture(), anyLong(), any(TimeUnit.class));
        return sent.getValue();
    }

    /** The catalog answers with those of the asked products it has; the rest are absent, as the query says. */
    private void catalogHas(ProductView... products) {
        Map<String, ProductView> catalog = new LinkedHashMap<>();
        for (ProductView product : products) {
            catalog.put(product.productId(), product);
        }
        doAnswer(call -> CompletableFuture.completedFuture(
                        new ProductList(call.<FindProductsQuery>getArgument(0).productIds().stream()
                                .map(catalog::get)
                                .filter(Objects::nonNull)
                                .toList())))
                .when(queries)
                .query(any(FindProductsQuery.class), any(ResponseType.class));
    }

    private OrderView createdOrder(String orderId) {
        return new OrderView(
                orderId,
                customerId,
                OrderStatus.CREATED,
                null,
                List.of(),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }

    private static String order(String items, String address) {
        return """
                {"items": %s, "shippingAddress": %s, "paymentMethod": "pm_card_visa"}""".formatted(items, address);
    }

    private static String address() {
        return JSON.writeValueAsString(addressFields());
    }

    private static Map<String, String> addressFields() {
        Map<String, String> address = new LinkedHashMap<>();
        address.put("recipient", "Ada Lovelace");
        address.put("line1", "12 St James's Square");
        address.put("city", "London");
        address.put("postalCode", "SW1Y 4JH");
        address.put("country", "GB");
        return address;
    }
}
