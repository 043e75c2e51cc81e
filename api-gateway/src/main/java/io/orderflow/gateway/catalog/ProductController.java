package io.orderflow.gateway.catalog;

import io.orderflow.api.inventory.FindAllProductsQuery;
import io.orderflow.api.inventory.FindProductsQuery;
import io.orderflow.api.inventory.ProductView;
import io.orderflow.gateway.config.GatewayProperties;
import io.orderflow.gateway.problem.NotFoundException;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.concurrent.TimeUnit;

/** The catalog with prices and stock. */
@RestController
@RequestMapping("/api/products")
class ProductController {

    private final QueryGateway queries;
    private final GatewayProperties properties;

    ProductController(QueryGateway queries, GatewayProperties properties) {
        this.queries = queries;
        this.properties = properties;
    }

    @GetMapping
    List<ProductView> list() {
        return queries.query(new FindAllProductsQuery(), ResponseTypes.multipleInstancesOf(ProductView.class))
                .orTimeout(properties.queryTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .join();
    }

    @GetMapping("/{productId}")
    ProductView get(@PathVariable String productId) {
        return queries.query(new FindProductsQuery(List.of(productId)), ResponseTypes.multipleInstancesOf(ProductView.class))
                .orTimeout(properties.queryTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .join().stream()
                .findFirst()
                .orElseThrow(() -> new NotFoundException("There is no product " + productId));
    }
}
