package io.orderflow.gateway;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The configuration a test slice starts from: the gateway module has no application of its own (the standalone
 * module launches it), and a slice keeps only the beans of its kind from what this scans.
 */
@SpringBootApplication
public class GatewayTestApplication {}
