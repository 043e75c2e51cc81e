package io.orderflow.command.inventory;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The demo catalog.
 *
 * @param enabled create the demo catalog (PROD-001 to PROD-008) on first start
 * @param initialStock the units each demo product starts with instead of its own (40 to 300), for a long load run;
 *     none: each its own
 */
@ConfigurationProperties("orderflow.demo-catalog")
public record DemoCatalogProperties(@DefaultValue("true") boolean enabled, Integer initialStock) {

    public DemoCatalogProperties {
        if (initialStock != null && initialStock < 0) {
            throw new IllegalArgumentException("orderflow.demo-catalog.initial-stock must not be negative");
        }
    }
}
