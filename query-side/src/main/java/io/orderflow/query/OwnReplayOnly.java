package io.orderflow.query;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.springframework.core.annotation.AnnotationUtils;

/**
 * Lets an event replayed to rebuild one projection reach that projection's handlers only: the handlers of the other
 * projections that share its processor cannot handle it. Axon then passes the event by for them before any of its
 * work per handler (the dead-letter queue's checks, a span, the timeout), where {@link Projection}'s interceptor
 * is reached only after it. Registered with Axon through {@code META-INF/services}, so it applies wherever the
 * projections are handled, standalone or in the query-side service.
 */
public final class OwnReplayOnly implements HandlerEnhancerDefinition {

    @Override
    public <T> MessageHandlingMember<T> wrapHandler(MessageHandlingMember<T> original) {
        Class<?> declaring = original.declaringClass();
        ProcessingGroup group = Projection.class.isAssignableFrom(declaring)
                ? AnnotationUtils.findAnnotation(declaring, ProcessingGroup.class)
                : null;
        if (group == null) {
            // Projection's own members, and handlers a projection inherits: its interceptor decides for those
            return original;
        }
        String projection = group.value();
        return new WrappedMessageHandlingMember<>(original) {
            @Override
            public boolean canHandle(Message<?> message) {
                return super.canHandle(message) && Projection.takes(message, projection);
            }
        };
    }
}
