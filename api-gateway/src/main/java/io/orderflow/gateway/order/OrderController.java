package io.orderflow.gateway.order;

import io.orderflow.api.inventory.FindProductsQuery;
import io.orderflow.api.inventory.ProductList;
import io.orderflow.api.inventory.ProductView;
import io.orderflow.api.order.FindOrderQuery;
import io.orderflow.api.order.FindOrderTimelineQuery;
import io.orderflow.api.order.FindOrdersQuery;
import io.orderflow.api.order.OrderLine;
import io.orderflow.api.order.OrderList;
import io.orderflow.api.order.OrderPage;
import io.orderflow.api.order.OrderStatus;
import io.orderflow.api.order.OrderTimeline;
import io.orderflow.api.order.OrderView;
import io.orderflow.api.order.PlaceOrderCommand;
import io.orderflow.api.order.RequestOrderCancellationCommand;
import io.orderflow.api.order.ShippingAddress;
import io.orderflow.api.order.TimelineEntry;
import io.orderflow.api.order.WatchOrdersQuery;
import io.orderflow.gateway.config.BoundedQueries;
import io.orderflow.gateway.config.GatewayProperties;
import io.orderflow.gateway.problem.FieldProblem;
import io.orderflow.gateway.problem.InvalidRequestException;
import io.orderflow.gateway.problem.NotFoundException;
import io.orderflow.gateway.security.Caller;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/** Places orders, cancels them, and reads them back: one at a time, as pages, as a timeline, or live. */
@RestController
@RequestMapping("/api/orders")
class OrderController {

    static final String ID_PATTERN = "[A-Za-z0-9-]{1,64}";

    static final int HEARTBEAT_SECONDS = 15;

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final BoundedQueries boundedQueries;
    private final GatewayProperties properties;
    /** Completes when the application closes: the open streams end then, rather than hold up the web server's stop. */
    private final Sinks.Empty<Void> closing = Sinks.empty();

    OrderController(
            CommandGateway commands,
            QueryGateway queries,
            BoundedQueries boundedQueries,
            GatewayProperties properties) {
        this.commands = commands;
        this.queries = queries;
        this.boundedQueries = boundedQueries;
        this.properties = properties;
    }

    /**
     * Places the order and answers once its read model exists (201), so that reading it right after works; when
     * the read model takes longer than {@code orderflow.gateway.read-model-wait}, answers 202 with the same body and
     * {@code Location}: the order is accepted and will show up there.
     */
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @ApiResponse(
            responseCode = "202",
            description = "Accepted, and stored; the read model did not show the order within the wait, so the"
                    + " Location may answer 404 for a moment",
            content = @Content(schema = @Schema(implementation = OrderStatusResponse.class)))
    ResponseEntity<OrderStatusResponse> place(
            @Valid @RequestBody PlaceOrderRequest request,
            @RequestHeader(name = "Idempotency-Key", required = false)
                    @Size(min = 1, max = 255, message = "must be 1 to 255 characters")
                    @Pattern(regexp = "[\\x21-\\x7E]+", message = "must be printable ASCII without spaces")
                    String idempotencyKey,
            Caller caller) {
        String customerId = caller.id();
        String orderId = orderIdFor(customerId, idempotencyKey);
        List<OrderLine> lines = priceFromCatalog(request.items());
        var address = request.shippingAddress();
        try (SubscriptionQueryResult<OrderView, OrderView> readModel = changesOf(orderId)) {
            String placed = commands.sendAndWait(
                    new PlaceOrderCommand(
                            orderId,
                            customerId,
                            lines,
                            new ShippingAddress(
                                    address.recipient(),
                                    address.line1(),
                                    address.line2(),
                                    address.city(),
                                    address.postalCode(),
                                    address.country()),
                            request.paymentMethod()),
                    properties.commandTimeout().toMillis(),
                    TimeUnit.MILLISECONDS);
            var location = ServletUriComponentsBuilder.fromCurrentRequestUri()
                    .path("/{id}")
                    .buildAndExpand(placed)
                    .toUri();
            Optional<OrderView> projected = Flux.concat(
                            Mono.fromFuture(() -> queries.query(
                                            new FindOrderQuery(placed),
                                            ResponseTypes.optionalInstanceOf(OrderView.class)))
                                    .flatMap(Mono::justOrEmpty),
                            readModel.updates())
                    .next()
                    .timeout(properties.readModelWait(), Mono.empty())
                    .blockOptional();
            return projected
                    .map(order ->
                            ResponseEntity.created(location).body(new OrderStatusResponse(placed, order.status())))
                    .orElseGet(() -> ResponseEntity.accepted()
                            .location(location)
                            .body(new OrderStatusResponse(placed, OrderStatus.CREATED)));
        }
    }

    /**
     * The caller's orders, newest first; an operator's list holds every customer's, or one customer's with
     * {@code customerId} (a customer's list is always its own, whatever it names).
     */
    @GetMapping
    OrderPage list(
            @RequestParam(required = false) OrderStatus status,
            @RequestParam(required = false) @Size(max = 255, message = "must be at most 255 characters")
                    String customerId,
            @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to,
            @RequestParam(defaultValue = "0") @Min(value = 0, message = "must be 0 or more") int page,
            @RequestParam(defaultValue = "20")
                    @Min(value = 1, message = "must be between 1 and 100")
                    @Max(value = 100, message = "must be between 1 and 100")
                    int size,
            Caller caller) {
        if (from != null && to != null && !from.isBefore(to)) {
            throw new InvalidRequestException(List.of(new FieldProblem("to", "must be after from")));
        }
        return boundedQueries.ask(
                new FindOrdersQuery(
                        caller.isAdmin() ? blankToNull(customerId) : caller.id(), status, from, to, page, size),
                ResponseTypes.instanceOf(OrderPage.class));
    }

    @GetMapping("/{orderId}")
    OrderView get(
            @PathVariable @Pattern(regexp = ID_PATTERN, message = "is not a valid order id") String orderId,
            Caller caller) {
        return find(orderId, caller);
    }

    @GetMapping("/{orderId}/events")
    List<TimelineEntry> timeline(
            @PathVariable @Pattern(regexp = ID_PATTERN, message = "is not a valid order id") String orderId,
            Caller caller) {
        find(orderId, caller);
        return boundedQueries
                .ask(new FindOrderTimelineQuery(orderId), ResponseTypes.instanceOf(OrderTimeline.class))
                .entries();
    }

    /**
     * The order now, then every change, as server-sent events; the stream ends when the order reaches its end, or
     * when the application stops.
     */
    @GetMapping(path = "/{orderId}/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    Flux<ServerSentEvent<OrderView>> stream(
            @PathVariable @Pattern(regexp = ID_PATTERN, message = "is not a valid order id") String orderId,
            Caller caller) {
        SubscriptionQueryResult<OrderView, OrderView> result = changesOf(orderId);
        OrderView now;
        try {
            // a late answer ends the request as 503, like every other query; someone else's order is not found
            now = find(orderId, caller);
        } catch (RuntimeException failed) {
            result.close();
            throw failed;
        }
        return Flux.concat(Flux.just(now), result.updates())
                .takeUntil(order -> order.status().isTerminal())
                .takeUntilOther(closing.asMono())
                .map(order -> ServerSentEvent.builder(order).event("order").build())
                .doFinally(signal -> result.close());
    }

    /**
     * Every change of every order, live, for operators; runs until the client goes away or the application stops. It
     * opens with a comment line, so a client knows at once that it is watching, and repeats one every
     * {@value #HEARTBEAT_SECONDS} s while no order changes, so a connection that died is noticed.
     */
    @GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    Flux<ServerSentEvent<OrderView>> firehose() {
        var result = queries.subscriptionQuery(
                new WatchOrdersQuery(),
                ResponseTypes.instanceOf(OrderList.class),
                ResponseTypes.instanceOf(OrderView.class));
        Flux<ServerSentEvent<OrderView>> orders = result.updates()
                .map(order -> ServerSentEvent.builder(order).event("order").build());
        return Flux.merge(
                        Flux.just(ServerSentEvent.<OrderView>builder()
                                .comment("watching every order")
                                .build()),
                        orders,
                        Flux.interval(Duration.ofSeconds(HEARTBEAT_SECONDS))
                                .map(tick -> ServerSentEvent.<OrderView>builder()
                                        .comment("still watching")
                                        .build()))
                .takeUntilOther(closing.asMono())
                .doFinally(signal -> result.close());
    }

    /**
     * Ends the open streams when the application closes. {@link ContextClosedEvent} comes before the lifecycle stop in
     * which the web server's graceful shutdown waits for every active request, an open stream included, up to
     * {@code spring.lifecycle.timeout-per-shutdown-phase} (30 s).
     */
    @EventListener(ContextClosedEvent.class)
    void endStreams() {
        closing.tryEmitEmpty();
    }

    /** Starts the cancellation; the fulfilment saga undoes what was done and the order ends CANCELLED. */
    @PostMapping("/{orderId}/cancel")
    @ResponseStatus(HttpStatus.ACCEPTED)
    ResponseEntity<OrderStatusResponse> cancel(
            @PathVariable @Pattern(regexp = ID_PATTERN, message = "is not a valid order id") String orderId,
            Caller caller) {
        String reason = caller.isAdmin() ? "cancelled by an operator" : "cancelled by the customer";
        // the order itself checks that it is the caller's: the read model may lag behind or be under repair
        commands.sendAndWait(
                new RequestOrderCancellationCommand(orderId, reason, caller.id(), caller.isAdmin(), false),
                properties.commandTimeout().toMillis(),
                TimeUnit.MILLISECONDS);
        return ResponseEntity.accepted().body(new OrderStatusResponse(orderId, OrderStatus.CANCELLING));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /**
     * The same customer and idempotency key always name the same order, so a retried request cannot place a second
     * one; without a key every request is a new order.
     */
    static String orderIdFor(String customerId, String idempotencyKey) {
        if (idempotencyKey == null) {
            return UUID.randomUUID().toString();
        }
        return UUID.nameUUIDFromBytes((customerId + '\n' + idempotencyKey).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    /**
     * The order's changes from now on. Its state now is asked after subscribing, with a plain query, and the
     * subscription's initial result is never read: through Axon Server (connector 4.13, server 2023.2) a subscription's
     * initial result arrives as a map, not as the record asked for, while plain queries and updates keep their types.
     */
    private SubscriptionQueryResult<OrderView, OrderView> changesOf(String orderId) {
        return queries.subscriptionQuery(
                new FindOrderQuery(orderId),
                ResponseTypes.instanceOf(OrderView.class),
                ResponseTypes.instanceOf(OrderView.class));
    }

    /** The order, if the caller may see it; another customer's order is answered as missing, so ids do not leak. */
    private OrderView find(String orderId, Caller caller) {
        return boundedQueries
                .ask(new FindOrderQuery(orderId), ResponseTypes.optionalInstanceOf(OrderView.class))
                .filter(order -> caller.reaches(order.customerId()))
                .orElseThrow(() -> new NotFoundException("There is no order " + orderId));
    }

    private List<OrderLine> priceFromCatalog(List<PlaceOrderRequest.Item> items) {
        var problems = new ArrayList<FieldProblem>();
        var seen = new HashSet<String>();
        for (int i = 0; i < items.size(); i++) {
            if (!seen.add(items.get(i).productId())) {
                problems.add(new FieldProblem("items[" + i + "].productId", "names a product already on another line"));
            }
        }
        Map<String, ProductView> catalog =
                boundedQueries
                        .ask(new FindProductsQuery(seen), ResponseTypes.instanceOf(ProductList.class))
                        .products()
                        .stream()
                        .collect(Collectors.toMap(ProductView::productId, Function.identity()));
        var lines = new ArrayList<OrderLine>();
        for (int i = 0; i < items.size(); i++) {
            var item = items.get(i);
            ProductView product = catalog.get(item.productId());
            if (product == null) {
                problems.add(new FieldProblem("items[" + i + "].productId", "names no product in the catalog"));
            } else {
                lines.add(new OrderLine(product.productId(), product.name(), item.quantity(), product.price()));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return lines;
    }
}
