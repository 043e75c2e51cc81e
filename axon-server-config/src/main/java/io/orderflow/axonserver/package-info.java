/**
 * What every module needs to run, alone as a service against Axon Server or together in the standalone platform:
 * the Axon Server client settings of distributed mode ({@code orderflow-service.yml}), and the runtime every service
 * shares (tracing, correlation of messages with their request, Axon's JDBC auto-configuration order).
 */
package io.orderflow.axonserver;
