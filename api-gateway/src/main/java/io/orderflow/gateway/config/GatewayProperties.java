package io.orderflow.gateway.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the HTTP gateway.
 *
 * @param commandTimeout how long a request waits for its command to be handled ({@code orderflow.gateway.command-timeout})
 * @param queryTimeout   how long a request waits for a query answer ({@code orderflow.gateway.query-timeout})
 * @param readModelWait  how long placing an order waits for its read model before answering 202 instead of 201
 *                       ({@code orderflow.gateway.read-model-wait})
 */
@ConfigurationProperties("orderflow.gateway")
public record GatewayProperties(
        @DefaultValue("10s") Duration commandTimeout,
        @DefaultValue("5s") Duration queryTimeout,
        @DefaultValue("3s") Duration readModelWait) {}
