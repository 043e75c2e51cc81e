package io.orderflow.query.config;

import java.util.List;
import java.util.function.Consumer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.springframework.data.mongodb.core.MongoTemplate;

/** A projection's handlers run over a batch of events as its event processor runs them, with its read-ahead. */
public final class ProjectionBatches {

    private ProjectionBatches() {}

    /** Handles each event in one batch of the named projection; throws what the batch failed with. */
    public static void handle(
            MongoTemplate mongo, String projection, List<EventMessage<?>> events, Consumer<EventMessage<?>> handler)
            throws Exception {
        var checkpoints = new ReadModelCheckpoints(
                mongo, projection, QuerySideConfiguration.readAheads().get(projection));
        var batch = new BatchingUnitOfWork<>(events);
        var result = batch.executeWithResult(() -> checkpoints.handle(batch, () -> {
            batch.getMessages().forEach(handler);
            return null;
        }));
        if (result.isExceptional()) {
            throw (Exception) result.exceptionResult();
        }
    }
}
