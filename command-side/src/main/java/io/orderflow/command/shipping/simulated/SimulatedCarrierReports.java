package io.orderflow.command.shipping.simulated;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import io.orderflow.api.shipping.DeliverShipmentCommand;
import io.orderflow.api.shipping.DispatchShipmentCommand;
import io.orderflow.api.shipping.FailShipmentCommand;
import io.orderflow.api.shipping.ShipmentCreatedEvent;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;

import java.time.Duration;
import java.time.Instant;

/**
 * What the simulated carrier tells the platform about its parcels, as a real carrier would by its own channel: the
 * pick-up after the dispatch delay, then the delivery (or a lost parcel) after the delivery delay. The reports are
 * durable db-scheduler tasks, so a parcel's pending reports survive a restart; with no delay they are sent at once.
 */
@ProcessingGroup(SimulatedCarrierReports.PROCESSING_GROUP)
public class SimulatedCarrierReports {

    public static final String PROCESSING_GROUP = "simulated-carrier";
    private static final String DISPATCH = "dispatch";
    private static final String DELIVER = "deliver";
    private static final String LOSE = "lose";

    private final CommandGateway commands;
    private final SimulatedCarrierProperties properties;
    private final SchedulerClient scheduler;
    private final OneTimeTask<String> reportTask;

    public SimulatedCarrierReports(CommandGateway commands, SimulatedCarrierProperties properties,
                                   SchedulerClient scheduler, OneTimeTask<String> reportTask) {
        this.commands = commands;
        this.properties = properties;
        this.scheduler = scheduler;
        this.reportTask = reportTask;
    }

    /** The db-scheduler task that delivers one delayed report; its data is {@code <report>:<shipmentId>}. */
    public static OneTimeTask<String> reportTask(CommandGateway commands) {
        return Tasks.oneTime("simulated-carrier-report", String.class)
                .execute((instance, context) -> send(commands, instance.getData()));
    }

    @EventHandler
    void on(ShipmentCreatedEvent event) {
        if (!SimulatedCarrier.NAME.equals(event.carrier())) {
            return;
        }
        String outcome = properties.lostParcelPostalCode().equals(event.address().postalCode()) ? LOSE : DELIVER;
        Duration untilDispatch = properties.dispatchDelay();
        Duration untilOutcome = untilDispatch.plus(properties.deliveryDelay());
        report(DISPATCH, event.shipmentId(), untilDispatch);
        report(outcome, event.shipmentId(), untilOutcome);
    }

    private void report(String report, String shipmentId, Duration delay) {
        String data = report + ":" + shipmentId;
        if (delay.isZero()) {
            send(commands, data);
        } else {
            scheduler.scheduleIfNotExists(reportTask.instance(data, data), Instant.now().plus(delay));
        }
    }

    private static void send(CommandGateway commands, String data) {
        String report = data.substring(0, data.indexOf(':'));
        String shipmentId = data.substring(data.indexOf(':') + 1);
        commands.sendAndWait(switch (report) {
            case DISPATCH -> new DispatchShipmentCommand(shipmentId);
            case DELIVER -> new DeliverShipmentCommand(shipmentId);
            default -> new FailShipmentCommand(shipmentId, "the parcel was lost in transit");
        });
    }
}
