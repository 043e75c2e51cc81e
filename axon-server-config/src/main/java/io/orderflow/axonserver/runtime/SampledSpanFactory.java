package io.orderflow.axonserver.runtime;

import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapPropagator;
import java.util.function.Supplier;
import org.axonframework.messaging.Message;
import org.axonframework.tracing.Span;
import org.axonframework.tracing.SpanAttributesProvider;
import org.axonframework.tracing.SpanFactory;
import org.axonframework.tracing.SpanScope;
import org.axonframework.tracing.opentelemetry.MetadataContextGetter;

/**
 * Axon's spans, built only for work that is traced. A handler whose message carries a trace that was not sampled,
 * and whatever it dispatches, would get spans that OpenTelemetry records nowhere (its sampler follows the parent's
 * decision); Axon would still name each, ask every attribute provider and start and end it, for each event in each
 * processor. Here such work runs in its parent's context instead, so the messages it sends carry the same unsampled
 * trace on, and a request that was sampled (or that arrives with a sampled {@code traceparent}) is traced end to end
 * by the delegate as before. Work that carries no trace at all is left to the delegate and its sampler.
 */
final class SampledSpanFactory implements SpanFactory {

    private final SpanFactory delegate;
    private final TextMapPropagator propagator;

    SampledSpanFactory(SpanFactory delegate, TextMapPropagator propagator) {
        this.delegate = delegate;
        this.propagator = propagator;
    }

    @Override
    public Span createRootTrace(Supplier<String> operationNameSupplier) {
        return delegate.createRootTrace(operationNameSupplier);
    }

    @Override
    public Span createHandlerSpan(
            Supplier<String> operationNameSupplier,
            Message<?> parentMessage,
            boolean isChildTrace,
            Message<?>... linkedParents) {
        if (isChildTrace) {
            Context parent = propagator.extract(Context.current(), parentMessage, MetadataContextGetter.INSTANCE);
            if (notSampled(io.opentelemetry.api.trace.Span.fromContext(parent).getSpanContext())) {
                return new UnsampledSpan(parent);
            }
        }
        return delegate.createHandlerSpan(operationNameSupplier, parentMessage, isChildTrace, linkedParents);
    }

    @Override
    public Span createDispatchSpan(
            Supplier<String> operationNameSupplier, Message<?> parentMessage, Message<?>... linkedSiblings) {
        return notSampled(currentSpan())
                ? new UnsampledSpan(Context.current())
                : delegate.createDispatchSpan(operationNameSupplier, parentMessage, linkedSiblings);
    }

    @Override
    public Span createInternalSpan(Supplier<String> operationNameSupplier) {
        return notSampled(currentSpan())
                ? new UnsampledSpan(Context.current())
                : delegate.createInternalSpan(operationNameSupplier);
    }

    @Override
    public Span createInternalSpan(Supplier<String> operationNameSupplier, Message<?> message) {
        return notSampled(currentSpan())
                ? new UnsampledSpan(Context.current())
                : delegate.createInternalSpan(operationNameSupplier, message);
    }

    @Override
    public void registerSpanAttributeProvider(SpanAttributesProvider provider) {
        delegate.registerSpanAttributeProvider(provider);
    }

    @Override
    public <M extends Message<?>> M propagateContext(M message) {
        return delegate.propagateContext(message);
    }

    private static SpanContext currentSpan() {
        return io.opentelemetry.api.trace.Span.current().getSpanContext();
    }

    /** A trace that exists and was decided against. */
    private static boolean notSampled(SpanContext span) {
        return span.isValid() && !span.isSampled();
    }

    /** Runs its work in the given context: the unsampled trace stays current, and nothing is recorded. */
    private static final class UnsampledSpan implements Span {

        private final Context context;

        UnsampledSpan(Context context) {
            this.context = context;
        }

        @Override
        public Span start() {
            return this;
        }

        @Override
        public SpanScope makeCurrent() {
            Scope scope = context.makeCurrent();
            return scope::close;
        }

        @Override
        public void end() {}

        @Override
        public Span recordException(Throwable t) {
            return this;
        }
    }
}
