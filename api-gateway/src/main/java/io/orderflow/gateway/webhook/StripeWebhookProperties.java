package io.orderflow.gateway.webhook;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Verification of Stripe's webhooks ({@code orderflow.stripe.*}).
 *
 * @param webhookSecret the endpoint's signing secret ({@code STRIPE_WEBHOOK_SECRET}); without it every webhook is refused
 * @param webhookTolerance how old a signature may be before it is refused (replay protection)
 */
@ConfigurationProperties("orderflow.stripe")
record StripeWebhookProperties(
        String webhookSecret, @DefaultValue("5m") Duration webhookTolerance) {}
