package io.orderflow.kafka;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.extensions.kafka.eventhandling.KafkaMessageConverter;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Turns an internal event into its Kafka record: key = order id, value = the public payload as JSON, and headers
 * carrying the event id (consumers deduplicate by it), the versioned type and the time it happened.
 */
public class IntegrationEventConverter implements KafkaMessageConverter<String, byte[]> {

    static final String EVENT_ID_HEADER = "event-id";
    static final String EVENT_TYPE_HEADER = "event-type";
    static final String EVENT_TIME_HEADER = "event-time";

    private final JsonMapper json;

    public IntegrationEventConverter(JsonMapper json) {
        this.json = json;
    }

    @Override
    public ProducerRecord<String, byte[]> createKafkaMessage(EventMessage<?> message, String topic) {
        IntegrationEvent event = IntegrationEvents.from(message)
                .orElseThrow(() -> new IllegalArgumentException(message.getPayloadType().getSimpleName()
                        + " has no public form and must not be published"));
        var headers = new RecordHeaders();
        headers.add(EVENT_ID_HEADER, message.getIdentifier().getBytes(StandardCharsets.UTF_8));
        headers.add(EVENT_TYPE_HEADER, event.type().getBytes(StandardCharsets.UTF_8));
        headers.add(EVENT_TIME_HEADER, message.getTimestamp().toString().getBytes(StandardCharsets.UTF_8));
        return new ProducerRecord<>(topic, null, event.key(), json.writeValueAsBytes(event.data()), headers);
    }

    /** OrderFlow only publishes through this converter; inbound messages are read by their own consumers. */
    @Override
    public Optional<EventMessage<?>> readKafkaMessage(ConsumerRecord<String, byte[]> consumerRecord) {
        return Optional.empty();
    }
}
