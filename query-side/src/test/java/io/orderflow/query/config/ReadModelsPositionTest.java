package io.orderflow.query.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.query.QuerySide;
import java.util.List;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.junit.jupiter.api.Test;

/** The read-models processor's first position on a store kept with a processor per projection. */
class ReadModelsPositionTest {

    private final TokenStore tokens = new InMemoryTokenStore();
    private final ReadModelsPosition position = new ReadModelsPosition(tokens, NoTransactionManager.instance());

    @Test
    void startsAtTheLowestOfThePositionsItTakesOverAndDeletesThem() {
        tokens.initializeTokenSegments("order-projection", 2, at(120));
        tokens.storeToken(at(90), "order-projection", 1);
        // stopped while replaying, it goes on from where its replay was
        tokens.initializeTokenSegments("payment-projection", 2, at(150));
        tokens.initializeTokenSegments("shipment-projection", 2, ReplayToken.createReplayToken(at(200), at(60)));

        position.takeOverFrom(List.of("shipment-projection", "order-projection", "payment-projection"));

        assertThat(tokens.fetchSegments(QuerySide.READ_MODELS)).containsExactly(0, 1);
        assertThat(tokens.fetchToken(QuerySide.READ_MODELS, 0)).isEqualTo(at(60));
        assertThat(tokens.fetchToken(QuerySide.READ_MODELS, 1)).isEqualTo(at(60));
        for (String old : List.of("order-projection", "payment-projection", "shipment-projection")) {
            assertThat(tokens.fetchSegments(old)).as(old).isEmpty();
        }
    }

    @Test
    void startsFromTheBeginningWhenOneOfThemHadNotStarted() {
        tokens.initializeTokenSegments("order-projection", 1, at(120));
        tokens.initializeTokenSegments("payment-projection", 1, null);

        position.takeOverFrom(List.of("order-projection", "payment-projection"));

        assertThat(tokens.fetchSegments(QuerySide.READ_MODELS)).containsExactly(0);
        assertThat(tokens.fetchToken(QuerySide.READ_MODELS, 0)).isNull();
    }

    @Test
    void leavesAPositionItHasAlreadyAndANewStoreAlone() {
        position.takeOverFrom(List.of("order-projection"));
        assertThat(tokens.fetchSegments(QuerySide.READ_MODELS))
                .as("a new store")
                .isEmpty();

        tokens.initializeTokenSegments(QuerySide.READ_MODELS, 1, at(300));
        tokens.initializeTokenSegments("order-projection", 1, at(120));
        position.takeOverFrom(List.of("order-projection"));

        assertThat(tokens.fetchToken(QuerySide.READ_MODELS, 0)).isEqualTo(at(300));
        assertThat(tokens.fetchSegments("order-projection")).containsExactly(0);
    }

    private static TrackingToken at(long position) {
        return new GlobalSequenceTrackingToken(position);
    }
}
