package io.orderflow.axonserver.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.tracing.SpanFactory;
import org.axonframework.tracing.opentelemetry.OpenTelemetrySpanFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SampledSpanFactoryTest {

    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";

    private final List<SpanData> recorded = new CopyOnWriteArrayList<>();
    private final AtomicInteger attributesAsked = new AtomicInteger();
    private final SdkTracerProvider tracing = SdkTracerProvider.builder()
            .setSampler(Sampler.parentBased(Sampler.alwaysOn()))
            .addSpanProcessor(SimpleSpanProcessor.create(new Recorder()))
            .build();
    private final SpanFactory spans = factory();

    @AfterEach
    void tearDown() {
        tracing.close();
    }

    @Test
    void theHandlerOfASampledTraceIsRecordedInIt() throws Exception {
        EventMessage<?> handled = traced("01");

        spans.createChildHandlerSpan(() -> "handle", handled).runCallable(() -> null);

        assertThat(recorded).singleElement().satisfies(span -> {
            assertThat(span.getTraceId()).isEqualTo(TRACE);
            assertThat(span.getParentSpanId()).isEqualTo("00f067aa0ba902b7");
        });
        assertThat(attributesAsked).hasValue(1);
    }

    @Test
    void theHandlerOfATraceNotSampledBuildsNoSpanAndCarriesTheTraceOn() throws Exception {
        EventMessage<?> handled = traced("00");

        EventMessage<?> sent = spans.createChildHandlerSpan(() -> "handle", handled)
                .runCallable(() -> spans.createDispatchSpan(() -> "publish", null)
                        .runCallable(() -> spans.propagateContext(GenericEventMessage.asEventMessage("next"))));

        assertThat(recorded).isEmpty();
        assertThat(attributesAsked).as("nothing named or described").hasValue(0);
        assertThat(sent.getMetaData().get("traceparent"))
                .as("the same trace, still not sampled")
                .isEqualTo("00-" + TRACE + "-00f067aa0ba902b7-00");
    }

    @Test
    void workWithoutATraceIsLeftToTheSampler() throws Exception {
        spans.createChildHandlerSpan(() -> "handle", GenericEventMessage.asEventMessage("untraced"))
                .runCallable(() -> null);

        assertThat(recorded)
                .singleElement()
                .satisfies(span ->
                        assertThat(span.getParentSpanContext().isValid()).isFalse());
    }

    private SpanFactory factory() {
        var propagator = W3CTraceContextPropagator.getInstance();
        var factory = new SampledSpanFactory(
                OpenTelemetrySpanFactory.builder()
                        .tracer(tracing.get("test"))
                        .contextPropagators(propagator)
                        .build(),
                propagator);
        factory.registerSpanAttributeProvider(message -> {
            attributesAsked.incrementAndGet();
            return Map.of();
        });
        return factory;
    }

    private static EventMessage<?> traced(String flags) {
        return GenericEventMessage.asEventMessage("handled")
                .andMetaData(Map.of("traceparent", "00-" + TRACE + "-00f067aa0ba902b7-" + flags));
    }

    private final class Recorder implements SpanExporter {

        @Override
        public CompletableResultCode export(Collection<SpanData> spans) {
            recorded.addAll(spans);
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode flush() {
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode shutdown() {
            return CompletableResultCode.ofSuccess();
        }
    }
}
