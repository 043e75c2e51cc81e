package io.orderflow.gateway.inventory;

import io.orderflow.api.common.Money;
import io.orderflow.api.inventory.AdjustStockCommand;
import io.orderflow.api.inventory.ChangeProductDetailsCommand;
import io.orderflow.api.inventory.CreateProductCommand;
import io.orderflow.api.inventory.FindAllProductsQuery;
import io.orderflow.api.inventory.FindProductsQuery;
import io.orderflow.api.inventory.ProductList;
import io.orderflow.api.inventory.ProductView;
import io.orderflow.gateway.config.BoundedQueries;
import io.orderflow.gateway.config.GatewayProperties;
import io.orderflow.gateway.problem.NotFoundException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The catalog with prices and stock, and its changes for operators (ADMIN): new products, name and price, stock in
 * and out. Changes answer with the product as the command side has it after the change; the catalog's read model
 * shows it a moment later.
 */
@RestController
@RequestMapping("/api/products")
class ProductController {

    private static final String ID_PATTERN = "[A-Za-z0-9_-]{1,64}";

    private final BoundedQueries queries;
    private final CommandGateway commands;
    private final GatewayProperties properties;

    ProductController(BoundedQueries queries, CommandGateway commands, GatewayProperties properties) {
        this.queries = queries;
        this.commands = commands;
        this.properties = properties;
    }

    @GetMapping
    List<ProductView> list() {
        return queries.ask(new FindAllProductsQuery(), ResponseTypes.instanceOf(ProductList.class))
                .products();
    }

    @GetMapping("/{productId}")
    ProductView get(
            @PathVariable @Pattern(regexp = ID_PATTERN, message = "is not a valid product id") String productId) {
        return queries
                .ask(new FindProductsQuery(List.of(productId)), ResponseTypes.instanceOf(ProductList.class))
                .products()
                .stream()
                .findFirst()
                .orElseThrow(() -> new NotFoundException("There is no product " + productId));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<ProductView> create(@Valid @RequestBody ProductRequests.NewProduct request) {
        var price = new Money(request.price().amount(), request.price().currency());
        send(new CreateProductCommand(request.productId(), request.name(), price, request.initialStock()));
        var location = ServletUriComponentsBuilder.fromCurrentRequestUri()
                .path("/{id}")
                .buildAndExpand(request.productId())
                .toUri();
        return ResponseEntity.created(location)
                .body(new ProductView(request.productId(), request.name(), price, request.initialStock(), 0));
    }

    @PutMapping("/{productId}")
    ProductView change(
            @PathVariable @Pattern(regexp = ID_PATTERN, message = "is not a valid product id") String productId,
            @Valid @RequestBody ProductRequests.ProductDetails request) {
        var price = new Money(request.price().amount(), request.price().currency());
        return existing(productId, () -> send(new ChangeProductDetailsCommand(productId, request.name(), price)));
    }

    @PostMapping("/{productId}/stock")
    ProductView adjustStock(
            @PathVariable @Pattern(regexp = ID_PATTERN, message = "is not a valid product id") String productId,
            @Valid @RequestBody ProductRequests.StockAdjustment request) {
        return existing(
                productId,
                () -> send(
                        new AdjustStockCommand(productId, request.adjustmentId(), request.change(), request.reason())));
    }

    private <R> R send(Object command) {
        return commands.sendAndWait(command, properties.commandTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }

    private static ProductView existing(String productId, Supplier<ProductView> change) {
        try {
            return change.get();
        } catch (AggregateNotFoundException unknown) {
            throw new NotFoundException("There is no product " + productId);
        }
    }
}
