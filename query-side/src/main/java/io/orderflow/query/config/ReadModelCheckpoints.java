package io.orderflow.query.config;

import com.mongodb.WriteConcern;
import com.mongodb.client.model.ReplaceOptions;
import java.time.Instant;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Makes a projection's read-model writes durable before its position moves on. Its writes go to MongoDB with the
 * default write concern, acknowledged once applied; at the end of each batch, before the processor stores its token
 * in PostgreSQL, one journaled write ({@code j: true}) to {@code projection_checkpoints} records the processor and
 * the time. MongoDB writes its journal in order, so once that write is acknowledged every write of the batch before
 * it is on disk too. A crash can then only lose writes whose events the projection will handle again, and a batch
 * of 100 events waits for the journal once, not 100 times.
 */
final class ReadModelCheckpoints implements MessageHandlerInterceptor<EventMessage<?>> {

    private static final String COLLECTION = "projection_checkpoints";
    private static final String REGISTERED = ReadModelCheckpoints.class.getName();

    private final MongoTemplate mongo;
    private final String processor;

    ReadModelCheckpoints(MongoTemplate mongo, String processor) {
        this.mongo = mongo;
        this.processor = processor;
    }

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain interceptorChain)
            throws Exception {
        UnitOfWork<?> batch = unitOfWork.root();
        batch.getOrComputeResource(REGISTERED, key -> {
            batch.onPrepareCommit(committing -> checkpoint());
            return Boolean.TRUE;
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
