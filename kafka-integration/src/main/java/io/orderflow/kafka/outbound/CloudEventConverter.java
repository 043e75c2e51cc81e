package io.orderflow.kafka.outbound;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.core.format.EventFormat;
import io.cloudevents.core.provider.EventFormatProvider;
import io.cloudevents.jackson.JsonFormat;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.extensions.kafka.eventhandling.KafkaMessageConverter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns an internal event into a CloudEvents 1.0 message in structured JSON mode, keyed by order id:
 * <ul>
 *   <li>{@code id}: the event's id in the event store, the same on every delivery, so consumers deduplicate by it;</li>
 *   <li>{@code source}: the context ({@code /orderflow/orders}, ...), {@code type}: versioned, {@code time},
 *       {@code subject}: the order id, {@code dataschema}: its JSON Schema;</li>
 *   <li>extensions {@code correlationid} (the HTTP request's {@code X-Request-Id} that started it all, or else the
 *       first message of the chain) and {@code causationid} (the message that caused it), from Axon's correlation
 *       data; {@code replay} on republished history.</li>
 * </ul>
 */
public class CloudEventConverter implements KafkaMessageConverter<String, byte[]> {

    public static final String CORRELATION_ID = "correlationid";
    public static final String CAUSATION_ID = "causationid";
    public static final String REPLAY = "replay";
    public static final String CONTENT_TYPE_HEADER = "content-type";
    /** W3C trace context: the CloudEvents distributed tracing extension, and a Kafka header of the same name. */
    public static final String TRACEPARENT = "traceparent";
    /** The correlation id again, as a Kafka header, for tools that do not read the message body. */
    public static final String CORRELATION_ID_HEADER = "correlation-id";

    /**
     * Correlation data in Axon's metadata: the id of the HTTP request that started it all, the first message of the
     * chain, and the message that caused this one.
     */
    private static final String REQUEST_ID = "requestId";

    private static final String AXON_TRACE_ID = "traceId";
    private static final String AXON_CORRELATION_ID = "correlationId";

    private final JsonMapper json;
    private final EventFormat format = Objects.requireNonNull(
            EventFormatProvider.getInstance().resolveFormat(JsonFormat.CONTENT_TYPE), "CloudEvents JSON format");

    public CloudEventConverter(JsonMapper json) {
        this.json = json;
    }

    @Override
    public ProducerRecord<String, byte[]> createKafkaMessage(EventMessage<?> message, String topic) {
        return record(message, topic, false);
    }

    /**
     * The Kafka record of an event for the topic; {@code replay} marks history republished on request.
     *
     * @throws IllegalArgumentException for an event that is not published
     */
    public ProducerRecord<String, byte[]> record(EventMessage<?> message, String topic, boolean replay) {
        IntegrationEvent event = IntegrationEvents.from(message.getPayload())
                .orElseThrow(() -> new IllegalArgumentException(
                        message.getPayloadType().getSimpleName() + " has no public form and must not be published"));
        CloudEvent cloudEvent = cloudEvent(message, event, replay);
        var headers = new RecordHeaders();
        headers.add(CONTENT_TYPE_HEADER, JsonFormat.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
        headers.add(
                CORRELATION_ID_HEADER,
                String.valueOf(cloudEvent.getExtension(CORRELATION_ID)).getBytes(StandardCharsets.UTF_8));
        if (cloudEvent.getExtension(TRACEPARENT) != null) {
            headers.add(
                    TRACEPARENT, cloudEvent.getExtension(TRACEPARENT).toString().getBytes(StandardCharsets.UTF_8));
        }
        return new ProducerRecord<>(topic, null, event.key(), format.serialize(cloudEvent), headers);
    }

    /** The request that started the chain when there was one, otherwise the chain's first message. */
    private static String correlationOf(EventMessage<?> message) {
        Object request = message.getMetaData().get(REQUEST_ID);
        Object root = message.getMetaData().get(AXON_TRACE_ID);
        return request != null ? request.toString() : root != null ? root.toString() : message.getIdentifier();
    }

    CloudEvent cloudEvent(EventMessage<?> message, IntegrationEvent event, boolean replay) {
        Object cause = message.getMetaData().get(AXON_CORRELATION_ID);
        var builder = CloudEventBuilder.v1()
                .withId(message.getIdentifier())
                .withSource(URI.create("/"
                        + event.topic()
                                .substring(0, event.topic().lastIndexOf('.'))
                                .replace('.', '/')))
                .withType(event.type())
                .withTime(message.getTimestamp().atOffset(ZoneOffset.UTC))
                .withSubject(event.subject())
                .withDataContentType("application/json")
                .withDataSchema(URI.create(event.dataSchema()))
                .withData(json.writeValueAsBytes(event.data()))
                .withExtension(CORRELATION_ID, correlationOf(message));
        if (cause != null) {
            builder.withExtension(CAUSATION_ID, cause.toString());
        }
        Object traceparent = message.getMetaData().get(TRACEPARENT);
        if (traceparent != null) {
            builder.withExtension(TRACEPARENT, traceparent.toString());
        }
        if (replay) {
            builder.withExtension(REPLAY, true);
        }
        return builder.build();
    }

    /** OrderFlow publishes through this converter; inbound messages are read by their own consumers. */
    @Override
    public Optional<EventMessage<?>> readKafkaMessage(ConsumerRecord<String, byte[]> consumerRecord) {
        return Optional.empty();
    }
}
