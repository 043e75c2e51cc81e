package io.orderflow.standalone.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What readiness tolerates.
 *
 * @param maxProcessorLag events an event processor may lag behind the event store before readiness goes down
 */
@ConfigurationProperties("orderflow.operations")
public record OperationsProperties(@DefaultValue("10000") long maxProcessorLag) {}
