package io.orderflow.standalone.inventory;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The demo catalog.
 *
 * @param enabled create the demo catalog (PROD-001 to PROD-008) on first start
 */
@ConfigurationProperties("orderflow.demo-catalog")
public record DemoCatalogProperties(@DefaultValue("true") boolean enabled) {}
