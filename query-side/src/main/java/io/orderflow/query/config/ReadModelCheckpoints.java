package io.orderflow.query.config;

import com.mongodb.WriteConcern;
import com.mongodb.client.model.ReplaceOptions;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Function;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Makes a projection's read-model writes durable before its position moves on. Its writes are kept in a
 * {@link ReadModelBatch} and go to MongoDB in bulk with the default write concern, acknowledged once applied, at the
 * end of each batch; then, before the processor stores its token
 * in PostgreSQL, one journaled write ({@code j: true}) to {@code projection_checkpoints} records the processor and
 * the time. MongoDB writes its journal in order, so once that write is acknowledged every write of the batch before
 * it is on disk too. A crash can then only lose writes whose events the projection will handle again, and a batch
 * of 100 events waits for the journal once, not 100 times.
 */
final class ReadModelCheckpoints implements MessageHandlerInterceptor<EventMessage<?>> {

    private static final String COLLECTION = "projection_checkpoints";

    private final MongoTemplate mongo;
    private final String processor;
    private final ReadAhead readAhead;

    /**
     * Documents a projection's batch reads ahead, in one query, at its first event: those of the type whose ids its
     * events name (null for an event that names none).
     */
    record ReadAhead(Class<?> type, Function<EventMessage<?>, Object> idOf) {}

    ReadModelCheckpoints(MongoTemplate mongo, String processor) {
        this(mongo, processor, null);
    }

    ReadModelCheckpoints(MongoTemplate mongo, String processor, ReadAhead readAhead) {
        this.mongo = mongo;
        this.processor = processor;
        this.readAhead = readAhead;
    }

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain interceptorChain)
            throws Exception {
        UnitOfWork<?> batch = unitOfWork.root();
        ReadModelBatch.start(batch, mongo).ifPresent(writes -> {
            if (readAhead != null && batch instanceof BatchingUnitOfWork<?> events) {
                writes.readAhead(
                        readAhead.type(),
                        events.getMessages().stream()
                                .map(event -> readAhead.idOf().apply((EventMessage<?>) event))
                                .filter(Objects::nonNull)
                                .distinct()
                                .toList());
            }
            batch.onPrepareCommit(committing -> {
                writes.flush();
                checkpoint();
            });
        });
        return interceptorChain.proceed();
    }

    private void checkpoint() {
        mongo.getCollection(COLLECTION)
                .withWriteConcern(WriteConcern.JOURNALED)
                .replaceOne(
                        new Document("_id", processor),
                        new Document("_id", processor)
                                .append("at", Instant.now().toString()),
                        new ReplaceOptions().upsert(true));
    }
}
