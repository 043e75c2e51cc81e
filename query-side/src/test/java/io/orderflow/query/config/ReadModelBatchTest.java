package io.orderflow.query.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orderflow.query.MongoTestSupport;
import java.util.List;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;

class ReadModelBatchTest {

    record Counter(@Id String name, int value) {}

    private final MongoTestSupport support = new MongoTestSupport();
    private final MongoTemplate mongo = support.template();

    @AfterEach
    void tearDown() {
        support.close();
    }

    @Test
    void aBatchWritesEachDocumentOnceAtItsEndAsItsLastEventLeftIt() throws Exception {
        mongo.save(new Counter("b", 10));
        var checkpoints = new ReadModelCheckpoints(mongo, "counter-projection");
        var unitOfWork = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("counted"));

        var result = unitOfWork.executeWithResult(() -> checkpoints.handle(unitOfWork, () -> {
            ReadModelBatch batch = ReadModelBatch.current(mongo);
            batch.save(new Counter("a", 1));
            batch.save(new Counter("a", 2));
            batch.find(Counter.class, "b")
                    .map(b -> new Counter("b", b.value() + 1))
                    .ifPresent(batch::save);

            assertThat(batch.find(Counter.class, "a"))
                    .as("the batch's own write")
                    .contains(new Counter("a", 2));
            assertThat(mongo.findById("a", Counter.class))
                    .as("nothing written before the batch ends")
                    .isNull();
            assertThat(mongo.findById("b", Counter.class)).isEqualTo(new Counter("b", 10));
            return null;
        }));

        assertThat(result.optionalExceptionResult()).isEmpty();
        assertThat(mongo.findAll(Counter.class)).containsExactlyInAnyOrder(new Counter("a", 2), new Counter("b", 11));
        assertThat(mongo.getCollection("projection_checkpoints").countDocuments())
                .as("the checkpoint after the writes")
                .isEqualTo(1);
    }

    @Test
    void aBatchReadsTheDocumentsItsEventsNameInOneQueryAtItsStart() throws Exception {
        mongo.save(new Counter("a", 1));
        var checkpoints = new ReadModelCheckpoints(
                mongo,
                "counter-projection",
                new ReadModelCheckpoints.ReadAhead(Counter.class, event -> event.getPayload()));
        var unitOfWork = new BatchingUnitOfWork<>(List.of(
                GenericEventMessage.<Object>asEventMessage("a"), GenericEventMessage.<Object>asEventMessage("b")));

        var result = unitOfWork.executeWithResult(() -> checkpoints.handle(unitOfWork, () -> {
            // changed behind the batch's back after it read ahead: the batch answers what it read
            mongo.save(new Counter("a", 100));
            mongo.save(new Counter("b", 200));
            ReadModelBatch batch = ReadModelBatch.current(mongo);
            assertThat(batch.find(Counter.class, "a")).contains(new Counter("a", 1));
            assertThat(batch.find(Counter.class, "b"))
                    .as("read ahead and not there")
                    .isEmpty();
            assertThat(batch.find(Counter.class, "c")).as("not read ahead").isEmpty();
            return null;
        }));

        assertThat(result.optionalExceptionResult()).isEmpty();
    }

    @Test
    void aDocumentReadAheadThatCannotBeReadFailsOnlyTheEventThatAsksForIt() {
        mongo.getCollection(mongo.getCollectionName(Counter.class))
                .insertOne(new org.bson.Document("_id", "a").append("value", "damaged"));
        mongo.save(new Counter("b", 2));
        var checkpoints = new ReadModelCheckpoints(
                mongo,
                "counter-projection",
                new ReadModelCheckpoints.ReadAhead(Counter.class, event -> event.getPayload()));
        var unitOfWork = new BatchingUnitOfWork<>(List.of(
                GenericEventMessage.<Object>asEventMessage("a"), GenericEventMessage.<Object>asEventMessage("b")));

        var result = unitOfWork.executeWithResult(() -> checkpoints.handle(unitOfWork, () -> {
            ReadModelBatch batch = ReadModelBatch.current(mongo);
            assertThatThrownBy(() -> batch.find(Counter.class, "a")).isNotNull();
            assertThat(batch.find(Counter.class, "b")).contains(new Counter("b", 2));
            return null;
        }));

        assertThat(result.optionalExceptionResult())
                .as("the batch itself went through")
                .isEmpty();
    }

    @Test
    void aBatchThatRollsBackWritesNothing() {
        var checkpoints = new ReadModelCheckpoints(mongo, "counter-projection");
        var unitOfWork = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("counted"));

        unitOfWork.executeWithResult(() -> checkpoints.handle(unitOfWork, () -> {
            ReadModelBatch.current(mongo).save(new Counter("a", 1));
            throw new IllegalStateException("the handler failed");
        }));

        assertThat(mongo.findAll(Counter.class)).isEmpty();
    }

    @Test
    void outsideABatchEveryWriteGoesToMongoDbAtOnce() {
        ReadModelBatch.current(mongo).save(new Counter("a", 1));

        assertThat(mongo.findById("a", Counter.class)).isEqualTo(new Counter("a", 1));
    }
}
