package io.orderflow.standalone.config;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the standalone launcher keeps its embedded infrastructure and where it listens. Read before the application
 * starts, to start PostgreSQL, Kafka and MongoDB for it.
 *
 * @param dataDir where the embedded PostgreSQL, Kafka and MongoDB keep their data
 * @param postgresPort the embedded PostgreSQL's port; a free loopback port when not set
 * @param kafkaPort the embedded Kafka broker's port; a free loopback port when not set
 * @param mongoPort the embedded MongoDB wire server's port; a free loopback port when not set
 */
@ConfigurationProperties("orderflow")
public record StandaloneProperties(
        @DefaultValue("./data") Path dataDir, Integer postgresPort, Integer kafkaPort, Integer mongoPort) {}
