package io.orderflow.axonserver.runtime;

import io.opentelemetry.api.OpenTelemetry;
import org.axonframework.tracing.SpanFactory;
import org.axonframework.tracing.opentelemetry.OpenTelemetrySpanFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Axon's spans on the same OpenTelemetry as Spring's (Micrometer Tracing's bridge), so one trace runs from the HTTP
 * request through the command, its events, the saga's next commands and the Kafka message; Axon carries the trace
 * context in each message's metadata ({@code traceparent}). Spans leave over OTLP when
 * {@code management.opentelemetry.tracing.export.otlp.endpoint} is set.
 */
@Configuration(proxyBeanMethods = false)
class TracingConfiguration {

    @Bean
    SpanFactory spanFactory(OpenTelemetry openTelemetry) {
        return OpenTelemetrySpanFactory.builder()
                .tracer(openTelemetry.getTracer("AxonFramework-OpenTelemetry"))
                .contextPropagators(openTelemetry.getPropagators().getTextMapPropagator())
                .build();
    }
}
