package io.orderflow.api.order;

import io.orderflow.api.common.Nullable;

/** Where the parcel goes. {@code country} is an ISO 3166-1 alpha-2 code. */
public record ShippingAddress(
        String recipient, String line1, @Nullable String line2, String city, String postalCode, String country) {}
