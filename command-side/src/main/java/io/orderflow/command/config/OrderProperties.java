package io.orderflow.command.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the order aggregate.
 *
 * @param paymentTimeout how long a placed order waits for payment before it expires ({@code orderflow.orders.payment-timeout})
 */
@ConfigurationProperties("orderflow.orders")
public record OrderProperties(@DefaultValue("15m") Duration paymentTimeout) {}
