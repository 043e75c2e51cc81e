package io.orderflow.query.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoTimeoutException;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;

class ReadModelOutagePolicyTest {

    private final ReadModelOutagePolicy policy = new ReadModelOutagePolicy();
    private final EventMessage<?> event = GenericEventMessage.asEventMessage("an event");

    @Test
    void aMongoDbThatCannotBeReachedFailsTheBatchInsteadOfParkingTheEvent() {
        var timeout =
                new MongoTimeoutException("Timed out while waiting for a server that matches WritableServerSelector");
        var translated = new DataAccessResourceFailureException("Timed out", timeout);
        var wrapped = new IllegalStateException("projection failed", timeout);

        for (RuntimeException failure : new RuntimeException[] {timeout, translated, wrapped}) {
            assertThatThrownBy(() -> policy.decide(new GenericDeadLetter<>("order-1", event, failure), failure))
                    .isSameAs(failure);
        }
    }

    @Test
    void anyOtherFailureIsDeadLettered() {
        var poison = new IllegalArgumentException("no such order");

        var decision = policy.decide(new GenericDeadLetter<>("order-1", event, poison), poison);

        assertThat(decision.shouldEnqueue()).isTrue();
        assertThat(decision.enqueueCause()).contains(poison);
    }
}
