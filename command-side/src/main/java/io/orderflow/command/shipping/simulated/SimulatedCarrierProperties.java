package io.orderflow.command.shipping.simulated;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How the simulated carrier behaves ({@code orderflow.carrier.simulated.*}).
 *
 * @param dispatchDelay        from booking to pick-up
 * @param deliveryDelay        from pick-up to delivery (or loss)
 * @param refusedPostalCode    parcels to this postal code are refused at booking
 * @param lostParcelPostalCode parcels to this postal code are lost after pick-up
 */
@ConfigurationProperties("orderflow.carrier.simulated")
public record SimulatedCarrierProperties(@DefaultValue("2s") Duration dispatchDelay,
                                         @DefaultValue("5s") Duration deliveryDelay,
                                         @DefaultValue("99999") String refusedPostalCode,
                                         @DefaultValue("00000") String lostParcelPostalCode) {
}
