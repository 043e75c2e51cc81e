package io.orderflow.kafka.carrier;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.format.EventDeserializationException;
import io.cloudevents.core.format.EventFormat;
import io.cloudevents.core.provider.EventFormatProvider;
import io.cloudevents.jackson.JsonFormat;
import io.orderflow.api.shipping.ConfirmShipmentReturnCommand;
import io.orderflow.api.shipping.DeliverShipmentCommand;
import io.orderflow.api.shipping.DispatchShipmentCommand;
import io.orderflow.api.shipping.FailShipmentCommand;
import io.orderflow.api.shipping.RefuseShipmentReturnCommand;
import io.orderflow.kafka.EventSchemas;
import io.orderflow.kafka.Topics;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Carrier reports from {@code orderflow.carrier-updates.v1} (CloudEvents in structured JSON) turned into Shipment
 * commands. Each event id is applied once: the id is recorded in the same transaction as the shipment's events, so
 * a redelivered update changes nothing. An update that cannot be read or applied goes to
 * {@code orderflow.carrier-updates.v1.dlt} with the reason, and the consumer goes on with the next.
 */
@Component
class CarrierUpdateListener {

    static final String DISPATCHED = "io.orderflow.carrier.shipment-dispatched.v1";
    static final String DELIVERED = "io.orderflow.carrier.shipment-delivered.v1";
    static final String FAILED = "io.orderflow.carrier.shipment-failed.v1";
    static final String RETURNED = "io.orderflow.carrier.shipment-returned.v1";
    static final String RETURN_FAILED = "io.orderflow.carrier.shipment-return-failed.v1";

    private static final Logger log = LoggerFactory.getLogger(CarrierUpdateListener.class);
    private static final Map<String, Function<JsonNode, Object>> COMMANDS = Map.of(
            DISPATCHED,
                    data -> new DispatchShipmentCommand(data.get("shipmentId").asString()),
            DELIVERED, data -> new DeliverShipmentCommand(data.get("shipmentId").asString()),
            FAILED,
                    data -> new FailShipmentCommand(
                            data.get("shipmentId").asString(),
                            "carrier reported: " + data.get("reason").asString()),
            RETURNED,
                    data -> new ConfirmShipmentReturnCommand(
                            data.get("shipmentId").asString()),
            RETURN_FAILED,
                    data -> new RefuseShipmentReturnCommand(
                            data.get("shipmentId").asString(),
                            "carrier reported: " + data.get("reason").asString()));

    private final CommandGateway commands;
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final EventFormat format = Objects.requireNonNull(
            EventFormatProvider.getInstance().resolveFormat(JsonFormat.CONTENT_TYPE), "CloudEvents JSON format");

    CarrierUpdateListener(CommandGateway commands, JdbcClient jdbc, JsonMapper json) {
        this.commands = commands;
        this.jdbc = jdbc;
        this.json = json;
    }

    @KafkaListener(id = "carrier-updates", topics = Topics.CARRIER_UPDATES, groupId = "orderflow-carrier-updates")
    @Transactional
    public void on(ConsumerRecord<String, byte[]> record) {
        CloudEvent update = read(record.value());
        JsonNode data = dataOf(update);
        int recorded = jdbc.sql("insert into processed_carrier_update (event_id, type, shipment_id, processed_at)"
                        + " values (?, ?, ?, ?) on conflict (event_id) do nothing")
                .params(
                        update.getId(),
                        update.getType(),
                        data.get("shipmentId").asString(),
                        Timestamp.from(Instant.now()))
                .update();
        if (recorded == 0) {
            log.info("Carrier update {} was applied before; this delivery changes nothing", update.getId());
            return;
        }
        // on this thread and in this transaction: the shipment's events and the recorded id commit together
        try {
            commands.sendAndWait(COMMANDS.get(update.getType()).apply(data));
        } catch (AggregateNotFoundException unknown) {
            throw new UnprocessableCarrierUpdateException(
                    "there is no shipment " + data.get("shipmentId").asString(), unknown);
        }
        log.info(
                "Applied carrier update {} ({}) to shipment {}",
                update.getId(),
                update.getType(),
                data.get("shipmentId").asString());
    }

    private CloudEvent read(byte[] value) {
        if (value == null) {
            throw new UnprocessableCarrierUpdateException("the message has no value");
        }
        try {
            CloudEvent update = format.deserialize(value);
            if (!COMMANDS.containsKey(update.getType())) {
                throw new UnprocessableCarrierUpdateException("unknown type " + update.getType() + "; expected one of "
                        + List.of(DISPATCHED, DELIVERED, FAILED, RETURNED, RETURN_FAILED));
            }
            return update;
        } catch (EventDeserializationException | IllegalArgumentException | IllegalStateException notACloudEvent) {
            throw new UnprocessableCarrierUpdateException(
                    "not a CloudEvents 1.0 JSON message: " + notACloudEvent.getMessage(), notACloudEvent);
        }
    }

    private JsonNode dataOf(CloudEvent update) {
        if (update.getData() == null) {
            throw new UnprocessableCarrierUpdateException("event " + update.getId() + " has no data");
        }
        JsonNode data;
        try {
            data = json.readTree(update.getData().toBytes());
        } catch (JacksonException notJson) {
            throw new UnprocessableCarrierUpdateException(
                    "the data of event " + update.getId() + " is not JSON", notJson);
        }
        List<String> problems = EventSchemas.problems(update.getType(), data);
        if (!problems.isEmpty()) {
            throw new UnprocessableCarrierUpdateException(
                    "the data of event " + update.getId() + " does not match " + update.getType() + ": " + problems);
        }
        return data;
    }
}
