package io.orderflow.query.config;

import io.orderflow.query.QuerySide;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the {@link QuerySide#READ_MODELS} processor starts on a store kept by an earlier version, which ran each
 * projection in a processor of its own: at the lowest of their positions, so that no projection misses an event.
 * A projection that was further on handles the events in between again, which leaves its documents as they were
 * (every write sets values). The old processors' tokens are then deleted, in the same transaction. Nothing happens
 * when the processor has a position already, or when there is none to take over (a new store, read from the start).
 */
final class ReadModelsPosition {

    private static final Logger log = LoggerFactory.getLogger(ReadModelsPosition.class);

    private final TokenStore tokens;
    private final TransactionManager transactions;

    ReadModelsPosition(TokenStore tokens, TransactionManager transactions) {
        this.tokens = tokens;
        this.transactions = transactions;
    }

    static ReadModelsPosition of(Configuration axon) {
        return new ReadModelsPosition(
                axon.eventProcessingConfiguration().tokenStore(QuerySide.READ_MODELS),
                axon.getComponent(TransactionManager.class, NoTransactionManager::instance));
    }

    /** Takes over the positions of the given processors, if the read-models processor has none yet. */
    void takeOverFrom(List<String> processors) {
        try {
            transactions.executeInTransaction(() -> move(processors));
        } catch (UnableToClaimTokenException claimed) {
            // another instance took them over first, or one of an earlier version still holds a claim
            log.warn(
                    "{} could not take over the positions of {}: {}. If it has none once started, it reads the event"
                            + " store from the start; its projections handle those events again, which leaves their"
                            + " documents as they were",
                    QuerySide.READ_MODELS,
                    processors,
                    claimed.getMessage());
        }
    }

    private void move(List<String> processors) {
        if (tokens.fetchSegments(QuerySide.READ_MODELS).length > 0) {
            return;
        }
        Map<String, TrackingToken> taken = new TreeMap<>();
        TrackingToken lowest = null;
        boolean fromTheStart = false;
        int segments = 0;
        for (String processor : processors) {
            int[] own = tokens.fetchSegments(processor);
            segments = Math.max(segments, own.length);
            for (int segment : own) {
                TrackingToken token = WrappedToken.unwrapLowerBound(tokens.fetchToken(processor, segment));
                taken.put(processor + "/" + segment, token);
                if (token == null) {
                    fromTheStart = true;
                } else {
                    lowest = lowest == null ? token : lowest.lowerBound(token);
                }
                tokens.deleteToken(processor, segment);
            }
        }
        if (segments == 0) {
            return;
        }
        TrackingToken start = fromTheStart ? null : lowest;
        tokens.initializeTokenSegments(QuerySide.READ_MODELS, segments, start);
        log.info(
                "{} takes over from a processor per projection: {} segment(s) starting at {}, the lowest of {}",
                QuerySide.READ_MODELS,
                segments,
                start == null ? "the start of the event store" : start,
                taken);
    }
}
