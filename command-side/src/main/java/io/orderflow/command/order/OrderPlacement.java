package io.orderflow.command.order;

import io.orderflow.api.common.InvalidCommandException;
import io.orderflow.api.common.Money;
import io.orderflow.api.order.OrderLine;
import io.orderflow.api.order.OrderPlacedEvent;
import io.orderflow.api.order.PlaceOrderCommand;
import io.orderflow.api.order.ShippingAddress;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * What a customer asked for when placing an order: the rules of a valid order, checked once, and the comparison
 * that tells a repeat of the same request (the same idempotency key sent again) from a different one.
 */
record OrderPlacement(String customerId, List<OrderLine> lines, ShippingAddress shippingAddress, String paymentMethod) {

    static final int MAX_QUANTITY = 9999;

    static OrderPlacement checked(PlaceOrderCommand command) {
        if (command.customerId() == null || command.customerId().isBlank()) {
            throw new InvalidCommandException("An order needs a customer");
        }
        if (command.lines() == null || command.lines().isEmpty()) {
            throw new InvalidCommandException("An order needs at least one line");
        }
        if (command.shippingAddress() == null) {
            throw new InvalidCommandException("An order needs a shipping address");
        }
        var productIds = new HashSet<String>();
        String currency = command.lines().get(0).unitPrice().currency();
        for (OrderLine line : command.lines()) {
            if (line.quantity() < 1 || line.quantity() > MAX_QUANTITY) {
                throw new InvalidCommandException("Quantity of " + line.productId() + " must be between 1 and "
                        + MAX_QUANTITY + ", was " + line.quantity());
            }
            if (!line.unitPrice().positive()) {
                throw new InvalidCommandException("Price of " + line.productId() + " must be positive");
            }
            if (!line.unitPrice().currency().equals(currency)) {
                throw new InvalidCommandException("All lines of an order must be in one currency");
            }
            if (!productIds.add(line.productId())) {
                throw new InvalidCommandException("Product " + line.productId() + " appears on more than one line");
            }
        }
        return new OrderPlacement(
                command.customerId(), List.copyOf(command.lines()), command.shippingAddress(), command.paymentMethod());
    }

    static OrderPlacement of(OrderPlacedEvent event) {
        return new OrderPlacement(event.customerId(), event.lines(), event.shippingAddress(), event.paymentMethod());
    }

    Money total() {
        return lines.stream().map(OrderLine::lineTotal).reduce(Money::plus).orElseThrow();
    }

    /**
     * A repeat is the same request when it asks for the same products, quantities, address and payment method; the
     * prices may have changed in between and are not compared.
     */
    boolean isRepeatedBy(PlaceOrderCommand command) {
        return command.lines() != null
                && quantitiesByProduct(command.lines()).equals(quantitiesByProduct(lines))
                && Objects.equals(command.shippingAddress(), shippingAddress)
                && Objects.equals(command.paymentMethod(), paymentMethod);
    }

    private static List<String> quantitiesByProduct(List<OrderLine> orderLines) {
        return orderLines.stream()
                .map(line -> line.productId() + "x" + line.quantity())
                .sorted()
                .toList();
    }
}
