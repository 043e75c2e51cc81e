package io.orderflow.gateway.inventory;

import io.orderflow.api.inventory.FindAllProductsQuery;
import io.orderflow.api.inventory.FindProductsQuery;
import io.orderflow.api.inventory.ProductList;
import io.orderflow.api.inventory.ProductView;
import io.orderflow.gateway.config.BoundedQueries;
import io.orderflow.gateway.problem.NotFoundException;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The catalog with prices and stock. */
@RestController
@RequestMapping("/api/products")
class ProductController {

    private final BoundedQueries queries;

    ProductController(BoundedQueries queries) {
        this.queries = queries;
    }

    @GetMapping
    List<ProductView> list() {
        return queries.ask(new FindAllProductsQuery(), ResponseTypes.instanceOf(ProductList.class))
                .products();
    }

    @GetMapping("/{productId}")
    ProductView get(
            @PathVariable @Pattern(regexp = "[A-Za-z0-9_-]{1,64}", message = "is not a valid product id")
                    String productId) {
        return queries
                .ask(new FindProductsQuery(List.of(productId)), ResponseTypes.instanceOf(ProductList.class))
                .products()
                .stream()
                .findFirst()
                .orElseThrow(() -> new NotFoundException("There is no product " + productId));
    }
}
