package io.orderflow.gateway.inventory;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/** The bodies of the catalog's changes, for operators. */
final class ProductRequests {

    private ProductRequests() {}

    /** {@code POST /api/products}: a new product, its id chosen by the shop (its SKU). */
    record NewProduct(
            @NotBlank(message = "is required")
            @Pattern(regexp = "[A-Za-z0-9_-]{1,64}", message = "must be 1 to 64 letters, digits, '-' or '_'")
            String productId,

            @NotBlank(message = "is required") @Size(max = 200, message = "must be at most 200 characters")
            String name,

            @NotNull(message = "is required") @Valid Price price,

            @NotNull(message = "is required")
            @Min(value = 0, message = "must be at least 0")
            @Max(value = 1_000_000_000, message = "must be at most 1000000000")
            Integer initialStock) {}

    /** {@code PUT /api/products/{id}}: the name and price as they are to be. */
    record ProductDetails(
            @NotBlank(message = "is required") @Size(max = 200, message = "must be at most 200 characters")
            String name,

            @NotNull(message = "is required") @Valid Price price) {}

    record Price(
            @NotNull(message = "is required")
            @DecimalMin(value = "0.01", message = "must be at least 0.01")
            @Digits(integer = 10, fraction = 2, message = "must have at most 10 digits and 2 decimals")
            BigDecimal amount,

            @NotNull(message = "is required")
            @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 currency code such as USD")
            String currency) {}

    /**
     * {@code POST /api/products/{id}/stock}: units in (a delivery) or out (written off). The same
     * {@code adjustmentId} sent again changes nothing, so a retried request is safe.
     */
    record StockAdjustment(
            @NotBlank(message = "is required")
            @Pattern(regexp = "[\\x21-\\x7E]{1,100}", message = "must be 1 to 100 printable ASCII characters")
            String adjustmentId,

            @NotNull(message = "is required")
            @Min(value = -1_000_000_000, message = "must be at least -1000000000")
            @Max(value = 1_000_000_000, message = "must be at most 1000000000")
            Integer change,

            @Size(max = 500, message = "must be at most 500 characters")
            String reason) {}
}
