package io.orderflow.api.shipping;

/** One product and how many of it go in the parcel. */
public record ShipmentItem(String productId, int quantity) {}
