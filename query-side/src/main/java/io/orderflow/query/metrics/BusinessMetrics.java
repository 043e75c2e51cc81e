package io.orderflow.query.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.orderflow.api.common.Money;
import io.orderflow.api.order.OrderCancelledEvent;
import io.orderflow.api.order.OrderDeliveredEvent;
import io.orderflow.api.order.OrderExpiredEvent;
import io.orderflow.api.order.OrderPaidEvent;
import io.orderflow.api.order.OrderPlacedEvent;
import io.orderflow.api.order.OrderRejectedEvent;
import io.orderflow.api.payment.PaymentCapturedEvent;
import io.orderflow.api.payment.PaymentDeclinedEvent;
import io.orderflow.api.payment.PaymentRefundedEvent;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * The business as counters, for Prometheus: orders by what happened to them, revenue and refunds by currency,
 * compensations by reason, payment declines by code. Counted as events are published (a subscribing processor), so
 * a count is never repeated by a replay; like every Prometheus counter they start again at zero with the process.
 */
@Component
@ProcessingGroup(BusinessMetrics.PROCESSING_GROUP)
@DisallowReplay
public class BusinessMetrics {

    public static final String PROCESSING_GROUP = "business-metrics";

    /** Reasons as the saga and the order word them, by their opening words; anything else is "other". */
    private static final Map<String, String> REASONS = Map.of(
            "out of stock", "out_of_stock",
            "payment declined", "payment_declined",
            "payment could not be captured", "capture_failed",
            "the carrier refused the parcel", "carrier_refused",
            "shipment failed", "shipment_failed",
            "not paid by", "payment_timeout",
            "cancelled by the customer", "customer_cancelled",
            "cancelled by an operator", "operator_cancelled");

    private final MeterRegistry registry;

    public BusinessMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (String outcome : List.of("placed", "paid", "delivered", "rejected", "cancelled", "expired")) {
            orders(outcome);
        }
    }

    @EventHandler
    void on(OrderPlacedEvent event) {
        orders("placed").increment();
    }

    @EventHandler
    void on(OrderPaidEvent event) {
        orders("paid").increment();
    }

    @EventHandler
    void on(OrderDeliveredEvent event) {
        orders("delivered").increment();
    }

    @EventHandler
    void on(OrderRejectedEvent event) {
        orders("rejected").increment();
        compensation(event.reason());
    }

    @EventHandler
    void on(OrderCancelledEvent event) {
        orders("cancelled").increment();
        compensation(event.reason());
    }

    @EventHandler
    void on(OrderExpiredEvent event) {
        orders("expired").increment();
        compensation(event.reason());
    }

    @EventHandler
    void on(PaymentCapturedEvent event) {
        money("orderflow.revenue", "Amounts captured from customers", event.amount());
    }

    @EventHandler
    void on(PaymentRefundedEvent event) {
        money("orderflow.refunds", "Amounts paid back to customers", event.amount());
    }

    @EventHandler
    void on(PaymentDeclinedEvent event) {
        Counter.builder("orderflow.payment.declines")
                .description("Payment methods declined, by the provider's code")
                .tag(
                        "code",
                        event.declineCode() == null
                                ? "none"
                                : event.declineCode().toLowerCase(Locale.ROOT))
                .register(registry)
                .increment();
    }

    private Counter orders(String outcome) {
        return Counter.builder("orderflow.orders")
                .description("Orders by what happened to them")
                .tag("outcome", outcome)
                .register(registry);
    }

    private void compensation(String reason) {
        String category = REASONS.entrySet().stream()
                .filter(known -> reason != null && reason.startsWith(known.getKey()))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse("other");
        Counter.builder("orderflow.compensations")
                .description("Orders undone, by reason")
                .tag("reason", category)
                .register(registry)
                .increment();
    }

    private void money(String name, String description, Money amount) {
        Counter.builder(name)
                .description(description)
                .tag("currency", amount.currency())
                .register(registry)
                .increment(amount.amount().doubleValue());
    }
}
