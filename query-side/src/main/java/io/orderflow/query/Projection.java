package io.orderflow.query;

import java.util.Objects;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.replay.ResetContext;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.interceptors.MessageHandlerInterceptor;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

/**
 * A projection into one read model, run with the others by the {@link QuerySide#READ_MODELS} processor, and
 * rebuilt on its own when an operator replays it by its name. Axon resets a processor, not a processing group, so
 * a replay resets the processor with the projection's name as its context: this projection's reset handler clears
 * its collection and its handlers take the replayed events, while the others' let them pass, having handled them
 * already: their handlers cannot handle them ({@link OwnReplayOnly}), and a handler declared where no processing
 * group is named (inherited) is stopped by this class's interceptor. A replay by the processor's name (no context)
 * rebuilds every projection.
 */
public abstract class Projection {

    private final String name;
    private final MongoTemplate mongo;
    private final Class<?> document;

    /**
     * @param document the read model's document type, whose whole collection a rebuild clears
     */
    protected Projection(MongoTemplate mongo, Class<?> document) {
        this.name = Objects.requireNonNull(
                        AnnotationUtils.findAnnotation(getClass(), ProcessingGroup.class),
                        () -> getClass() + " has no @ProcessingGroup")
                .value();
        this.mongo = mongo;
        this.document = document;
    }

    /** Whether a replay whose context is {@code replayed} (null: the whole processor) rebuilds {@code projection}. */
    private static boolean rebuilds(Object replayed, String projection) {
        return replayed == null || replayed.equals(projection);
    }

    /** Whether the message is live, or replayed to rebuild the projection. */
    static boolean takes(Message<?> message, String projection) {
        // asked for by its exact class: Axon 4.13 matches the context's class against the one asked for, not to it
        return !ReplayToken.isReplay(message)
                || rebuilds(
                        ReplayToken.replayContext((EventMessage<?>) message, String.class)
                                .orElse(null),
                        projection);
    }

    /** The reset's context is the name of the projection to rebuild, or none when all are. */
    @ResetHandler
    void reset(ResetContext<?> reset) {
        if (rebuilds(reset.getPayload(), name)) {
            mongo.remove(new Query(), document);
        }
    }

    @MessageHandlerInterceptor(messageType = EventMessage.class)
    void handleOnlyItsOwnReplay(EventMessage<?> event, InterceptorChain chain) throws Exception {
        if (takes(event, name)) {
            chain.proceed();
        }
    }
}
