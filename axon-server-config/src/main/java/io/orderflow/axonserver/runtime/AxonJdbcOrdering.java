package io.orderflow.axonserver.runtime;

import org.springframework.boot.autoconfigure.AutoConfiguration;

/**
 * Orders Axon's JDBC auto-configuration after Spring Boot 4's DataSource and transaction manager. Axon 4.13 still
 * names Boot 3's class locations, so without this Axon looks for a DataSource before one exists and silently ends
 * up with no event store, no token store and a no-op transaction manager.
 */
@AutoConfiguration(
        afterName = {
            "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
            "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration"
        },
        beforeName = {
            "org.axonframework.springboot.autoconfig.JdbcAutoConfiguration",
            "org.axonframework.springboot.autoconfig.TransactionAutoConfiguration"
        })
public class AxonJdbcOrdering {}
