package io.orderflow.query;

import java.util.Objects;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.replay.ResetContext;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.interceptors.MessageHandlerInterceptor;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

/**
 * A projection into one read model, run with the others by the {@link QuerySide#READ_MODELS} processor, and
 * rebuilt on its own when an operator replays it by its name. Axon resets a processor, not a processing group, so
 * a replay resets the processor with the projection's name as its context: this projection's reset handler clears
 * its collection and its handlers take the replayed events, while the others' let them pass, having handled them
 * already. A replay by the processor's name (no context) rebuilds every projection.
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

    /** The reset's context is the name of the projection to rebuild, or none when all are. */
    @ResetHandler
    void reset(ResetContext<?> reset) {
        if (rebuilds(reset.getPayload(), name)) {
            mongo.remove(new Query(), document);
        }
    }

    @MessageHandlerInterceptor(messageType = EventMessage.class)
    void handleOnlyItsOwnReplay(EventMessage<?> event, InterceptorChain chain) throws Exception {
        // asked for by its exact class: Axon 4.13 matches the context's class against the one asked for, not to it
        if (!ReplayToken.isReplay(event)
                || rebuilds(ReplayToken.replayContext(event, String.class).orElse(null), name)) {
            chain.proceed();
        }
    }
}
