package io.orderflow.query.operations;

import io.orderflow.api.common.InvalidCommandException;
import io.orderflow.api.operations.DeadLetterList;
import io.orderflow.api.operations.DeadLetterView;
import io.orderflow.api.operations.EvictDeadLettersCommand;
import io.orderflow.api.operations.FindDeadLettersQuery;
import io.orderflow.api.operations.RetryDeadLettersCommand;
import io.orderflow.query.QuerySide;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.Optional;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.config.Configuration;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.Cause;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.queryhandling.QueryHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The projections' dead-letter queues (Axon's, on PostgreSQL) for operators. A projection that fails on an event
 * parks it with every later event of the same sequence (one order), and goes on with everything else; once the
 * fault is fixed, a retry applies the parked events in their order, and an eviction drops them for good.
 */
@Component
class DeadLetterOperations {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterOperations.class);
    /** Enough to drain any realistic backlog in one request, and a bound when letters keep failing. */
    private static final int MAX_SEQUENCES_PER_RETRY = 10_000;

    private final Configuration axon;

    DeadLetterOperations(Configuration axon) {
        this.axon = axon;
    }

    @QueryHandler
    DeadLetterList handle(FindDeadLettersQuery query) {
        var views = new ArrayList<DeadLetterView>();
        for (String projection : QuerySide.PROJECTIONS) {
            queue(projection)
                    .ifPresent(queue -> queue.deadLetters().forEach(sequence -> {
                        Iterator<DeadLetter<? extends EventMessage<?>>> letters = sequence.iterator();
                        if (!letters.hasNext()) {
                            return;
                        }
                        DeadLetter<? extends EventMessage<?>> first = letters.next();
                        int count = 1;
                        while (letters.hasNext()) {
                            letters.next();
                            count++;
                        }
                        EventMessage<?> message = first.message();
                        views.add(new DeadLetterView(
                                projection,
                                sequenceOf(projection, message),
                                count,
                                message.getIdentifier(),
                                message.getPayloadType().getSimpleName(),
                                first.cause().map(Cause::message).orElse(null),
                                first.enqueuedAt(),
                                first.lastTouched()));
                    }));
        }
        return new DeadLetterList(views);
    }

    @CommandHandler
    int handle(RetryDeadLettersCommand command) {
        var processor = processing()
                .sequencedDeadLetterProcessor(command.projection())
                .orElseThrow(() -> new InvalidCommandException(command.projection() + " has no dead-letter queue"));
        int succeeded = 0;
        while (succeeded < MAX_SEQUENCES_PER_RETRY && processor.processAny()) {
            succeeded++;
        }
        log.info("Retried dead letters of {}: {} sequences now applied", command.projection(), succeeded);
        return succeeded;
    }

    @CommandHandler
    int handle(EvictDeadLettersCommand command) {
        var queue = queue(command.projection())
                .orElseThrow(() -> new InvalidCommandException(command.projection() + " has no dead-letter queue"));
        var letters = new ArrayList<DeadLetter<? extends EventMessage<?>>>();
        queue.deadLetterSequence(command.sequence()).forEach(letters::add);
        letters.forEach(queue::evict);
        log.warn(
                "Evicted {} dead letters of {} in sequence {}",
                letters.size(),
                command.projection(),
                command.sequence());
        return letters.size();
    }

    private String sequenceOf(String projection, EventMessage<?> message) {
        return String.valueOf(processing().sequencingPolicy(projection).getSequenceIdentifierFor(message));
    }

    private Optional<SequencedDeadLetterQueue<EventMessage<?>>> queue(String projection) {
        return processing().deadLetterQueue(projection);
    }

    private EventProcessingConfiguration processing() {
        return axon.eventProcessingConfiguration();
    }
}
