package io.orderflow.command.order;

import java.time.Clock;
import java.time.Duration;

/**
 * The settings an {@link Order} decides with, injected into its command handlers by Axon.
 *
 * @param paymentTimeout how long a placed order may wait for its payment before it expires
 * @param clock          the time source of placement and expiry
 */
public record OrderPolicy(Duration paymentTimeout, Clock clock) {}
