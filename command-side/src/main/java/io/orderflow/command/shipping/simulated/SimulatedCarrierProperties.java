package io.orderflow.command.shipping.simulated;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the simulated carrier behaves ({@code orderflow.carrier.simulated.*}).
 *
 * @param dispatchDelay        from booking to pick-up
 * @param deliveryDelay        from pick-up to delivery (or loss)
 * @param refusedPostalCode    parcels to this postal code are refused at booking
 * @param lostParcelPostalCode parcels to this postal code are lost after pick-up
 * @param kafkaPostalCode      parcels to this postal code get no simulated reports: their carrier reports on the
 *                             {@code orderflow.carrier-updates.v1} topic instead, as a real carrier would
 * @param returnRefusedPostalCode parcels to this postal code cannot be called back once picked up; any other comes
 *                             back the delivery delay after it is called back
 */
@ConfigurationProperties("orderflow.carrier.simulated")
public record SimulatedCarrierProperties(
        @DefaultValue("2s") Duration dispatchDelay,
        @DefaultValue("5s") Duration deliveryDelay,
        @DefaultValue("99999") String refusedPostalCode,
        @DefaultValue("00000") String lostParcelPostalCode,
        @DefaultValue("77777") String kafkaPostalCode,
        @DefaultValue("66666") String returnRefusedPostalCode) {}
