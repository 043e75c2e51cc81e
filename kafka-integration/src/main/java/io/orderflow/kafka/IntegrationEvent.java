package io.orderflow.kafka;

/**
 * What leaves OrderFlow on Kafka for one internal event: where it goes, its key (the order id, so one order's events
 * stay in order on one partition), its versioned type, and the public payload.
 */
record IntegrationEvent(String topic, String key, String type, Object data) {
}
