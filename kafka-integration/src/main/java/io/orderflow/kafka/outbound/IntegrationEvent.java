package io.orderflow.kafka.outbound;

/**
 * What leaves OrderFlow on Kafka for one internal event.
 *
 * @param topic   the topic of its context
 * @param key     the order id (the product id for a product's own events), so one order's events keep their order
 *                on one partition
 * @param subject what the event is about, as the CloudEvent's {@code subject}
 * @param type    the versioned CloudEvent type, such as {@code io.orderflow.order.placed.v1}
 * @param data    the public payload
 */
public record IntegrationEvent(String topic, String key, String subject, String type, Object data) {

    /** Where the JSON Schema of the type is published; also the CloudEvent's {@code dataschema}. */
    public String dataSchema() {
        return IntegrationEvents.SCHEMA_BASE + type + ".json";
    }
}
