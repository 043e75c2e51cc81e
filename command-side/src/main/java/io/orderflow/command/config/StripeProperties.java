package io.orderflow.command.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The Stripe account the platform takes payments with ({@code orderflow.stripe.*}). Without an API key the
 * simulated provider is used.
 *
 * @param apiKey            secret key ({@code STRIPE_API_KEY}); setting it selects Stripe
 * @param apiBase           Stripe's API address (a local stub in tests)
 * @param maxNetworkRetries how often the client retries a connection failure, 409 or 5xx, with back-off
 * @param connectTimeout    connection timeout per attempt
 * @param readTimeout       read timeout per attempt
 */
@ConfigurationProperties("orderflow.stripe")
public record StripeProperties(
        String apiKey,
        @DefaultValue("https://api.stripe.com") String apiBase,
        @DefaultValue("3") int maxNetworkRetries,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("30s") Duration readTimeout) {}
