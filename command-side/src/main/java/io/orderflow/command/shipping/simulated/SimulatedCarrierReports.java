package io.orderflow.command.shipping.simulated;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import io.orderflow.api.shipping.ConfirmShipmentReturnCommand;
import io.orderflow.api.shipping.DeliverShipmentCommand;
import io.orderflow.api.shipping.DispatchShipmentCommand;
import io.orderflow.api.shipping.FailShipmentCommand;
import io.orderflow.api.shipping.ShipmentCancelledEvent;
import io.orderflow.api.shipping.ShipmentCreatedEvent;
import io.orderflow.api.shipping.ShipmentReturnRequestedEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.beans.factory.ObjectProvider;

/**
 * What the simulated carrier tells the platform about its parcels, as a real carrier would by its own channel: the
 * pick-up after the dispatch delay, then the delivery (or a lost parcel) the delivery delay after the pick-up, and a
 * called-back parcel's return the delivery delay after it was called back. The reports are
 * durable db-scheduler tasks, so a parcel's pending reports survive a restart; with no delay they are sent at once.
 */
@ProcessingGroup(SimulatedCarrierReports.PROCESSING_GROUP)
public class SimulatedCarrierReports {

    public static final String PROCESSING_GROUP = "simulated-carrier";
    private static final String DISPATCH = "dispatch";
    private static final String DELIVER = "deliver";
    private static final String LOSE = "lose";
    private static final String RETURN = "return";

    private final CommandGateway commands;
    private final SimulatedCarrierProperties properties;
    private final SchedulerClient scheduler;
    private final OneTimeTask<String> reportTask;

    public SimulatedCarrierReports(
            CommandGateway commands,
            SimulatedCarrierProperties properties,
            SchedulerClient scheduler,
            OneTimeTask<String> reportTask) {
        this.commands = commands;
        this.properties = properties;
        this.scheduler = scheduler;
        this.reportTask = reportTask;
    }

    /**
     * The db-scheduler task that delivers one delayed report; its data is {@code <report>:<shipmentId>}, and a
     * dispatch report also names the outcome that follows it: {@code dispatch:<shipmentId>:<deliver|lose>}.
     */
    public static OneTimeTask<String> reportTask(ObjectProvider<SimulatedCarrierReports> reports) {
        return Tasks.oneTime("simulated-carrier-report", String.class)
                .execute((instance, context) -> reports.getObject().report(instance.getData()));
    }

    @EventHandler
    void on(ShipmentCreatedEvent event) {
        if (!SimulatedCarrier.NAME.equals(event.carrier())
                || properties.kafkaPostalCode().equals(event.address().postalCode())) {
            return;
        }
        String outcome =
                properties.lostParcelPostalCode().equals(event.address().postalCode()) ? LOSE : DELIVER;
        later(DISPATCH + ":" + event.shipmentId() + ":" + outcome, properties.dispatchDelay());
    }

    /** A cancelled booking is not picked up, unless its pick-up is already under way. */
    @EventHandler
    void on(ShipmentCancelledEvent event) {
        for (String outcome : List.of(DELIVER, LOSE)) {
            TaskInstanceId pickUp =
                    TaskInstanceId.of(reportTask.getName(), DISPATCH + ":" + event.shipmentId() + ":" + outcome);
            if (scheduler.getScheduledExecution(pickUp).isPresent()) {
                scheduler.cancel(pickUp);
            }
        }
    }

    /** A parcel called back comes back the delivery delay later. */
    @EventHandler
    void on(ShipmentReturnRequestedEvent event) {
        if (SimulatedCarrier.NAME.equals(event.carrier())
                && !properties.kafkaPostalCode().equals(event.address().postalCode())) {
            later(RETURN + ":" + event.shipmentId(), properties.deliveryDelay());
        }
    }

    private void report(String data) {
        String[] parts = data.split(":");
        String shipmentId = parts[1];
        if (parts[0].equals(DISPATCH)) {
            String outcome = parts[2] + ":" + shipmentId;
            if (properties.deliveryDelay().isZero()) {
                commands.sendAndWait(new DispatchShipmentCommand(shipmentId));
                report(outcome);
            } else {
                // scheduled before the pick-up is reported, so that no crash in between can lose the outcome
                later(outcome, properties.deliveryDelay());
                commands.sendAndWait(new DispatchShipmentCommand(shipmentId));
            }
        } else if (parts[0].equals(DELIVER)) {
            commands.sendAndWait(new DeliverShipmentCommand(shipmentId));
        } else if (parts[0].equals(RETURN)) {
            commands.sendAndWait(new ConfirmShipmentReturnCommand(shipmentId));
        } else {
            commands.sendAndWait(new FailShipmentCommand(shipmentId, "the parcel was lost in transit"));
        }
    }

    /** Reports now when there is no delay, otherwise in a durable task (once, however often it is asked for). */
    private void later(String data, Duration delay) {
        if (delay.isZero()) {
            report(data);
        } else {
            scheduler.scheduleIfNotExists(
                    reportTask.instance(data, data), Instant.now().plus(delay));
        }
    }
}
