package io.orderflow.gateway.order;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** The body of {@code POST /api/orders}. Prices are not part of it: they come from the catalog. */
record PlaceOrderRequest(
        @NotEmpty(message = "must contain at least one item")
        @Size(max = 100, message = "must not contain more than 100 items")
        List<@NotNull(message = "must not be null") @Valid Item> items,

        @NotNull(message = "is required") @Valid Address shippingAddress,

        @NotBlank(message = "is required")
        @Pattern(regexp = "pm_[A-Za-z0-9_]{1,120}", message = "must be a payment method id such as pm_card_visa")
        String paymentMethod) {

    record Item(
            @NotBlank(message = "is required") @Size(max = 64, message = "must be at most 64 characters")
            String productId,

            @NotNull(message = "is required")
            @Min(value = 1, message = "must be at least 1")
            @Max(value = 9999, message = "must be at most 9999")
            Integer quantity) {}

    record Address(
            @NotBlank(message = "is required") @Size(max = 200, message = "must be at most 200 characters")
            String recipient,

            @NotBlank(message = "is required") @Size(max = 200, message = "must be at most 200 characters")
            String line1,

            @Size(max = 200, message = "must be at most 200 characters")
            String line2,

            @NotBlank(message = "is required") @Size(max = 100, message = "must be at most 100 characters")
            String city,

            @NotBlank(message = "is required") @Size(max = 20, message = "must be at most 20 characters")
            String postalCode,

            @NotBlank(message = "is required")
            @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 country code such as DE")
            String country) {}
}
