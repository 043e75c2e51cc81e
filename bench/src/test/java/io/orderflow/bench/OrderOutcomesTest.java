package io.orderflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OrderOutcomesTest {

    private static final long S = 1_000_000_000L;
    private static final long MS = 1_000_000L;

    @Test
    void countsTheDeliveriesOfTheLoadAfterItsWarmUpAndNotTheBacklogDrainedAfterIt() {
        var accepted = new LinkedHashMap<String, LoadGenerator.Accepted>();
        var firehose = new Firehose();
        // 20 s of load from t=0, one order a second, each paid 100 ms and delivered 300 ms after it was sent
        for (int second = 0; second < 20; second++) {
            String order = "order-" + second;
            accepted.put(order, new LoadGenerator.Accepted(second * S, second * S + 50 * MS));
            firehose.saw(order, "PAID", second * S + 100 * MS);
            firehose.saw(order, "DELIVERED", second * S + 300 * MS);
        }
        // one more order sent in the last second, delivered 5 s after the load ended: a backlog
        accepted.put("late", new LoadGenerator.Accepted(19 * S + 500 * MS, 19 * S + 600 * MS));
        firehose.saw("late", "DELIVERED", 25 * S);

        OrderOutcomes outcomes = OrderOutcomes.of(accepted, firehose, 0, 20 * S, 10);

        assertThat(outcomes.ordersAccepted()).isEqualTo(21);
        assertThat(outcomes.ordersDelivered()).isEqualTo(21);
        assertThat(outcomes.ordersEnded()).isEqualTo(21);
        assertThat(outcomes.sustainedSeconds()).isEqualTo(10.0);
        // sent in [10 s, 20 s]: orders 10 to 19 and the late one
        assertThat(outcomes.acceptedPerSecondSustained()).isEqualTo(1.1);
        // delivered in [10 s, 20 s]: orders 10 to 19 (the late one was delivered after the load)
        assertThat(outcomes.deliveredPerSecondSustained()).isEqualTo(1.0);
        // 21 deliveries over the 25 s up to the last one
        assertThat(outcomes.deliveredPerSecond()).isEqualTo(0.8);
        assertThat(outcomes.toPaidMillis()).isEqualTo(new Percentiles(100, 100, 100, 100));
        assertThat(outcomes.toDeliveredMillis().p50()).isEqualTo(300);
        assertThat(outcomes.toDeliveredMillis().max()).isEqualTo(5500);
    }

    @Test
    void aLoadShorterThanTwiceTheWarmUpCountsItsSecondHalf() {
        var firehose = new Firehose();
        firehose.saw("a", "DELIVERED", 3 * S);

        OrderOutcomes outcomes =
                OrderOutcomes.of(Map.of("a", new LoadGenerator.Accepted(0, MS)), firehose, 0, 4 * S, 10);

        assertThat(outcomes.sustainedSeconds()).isEqualTo(2.0);
        assertThat(outcomes.deliveredPerSecondSustained()).isEqualTo(0.5);
    }

    @Test
    void ordersThatEndOtherwiseAreEndedButNotDelivered() {
        var firehose = new Firehose();
        firehose.saw("rejected", "REJECTED", S);
        firehose.saw("cancelled", "PAID", S);
        firehose.saw("cancelled", "CANCELLED", 2 * S);
        var accepted = Map.of(
                "rejected",
                new LoadGenerator.Accepted(0, MS),
                "cancelled",
                new LoadGenerator.Accepted(0, MS),
                "waiting",
                new LoadGenerator.Accepted(0, MS));

        OrderOutcomes outcomes = OrderOutcomes.of(accepted, firehose, 0, 10 * S, 1);

        assertThat(outcomes.ordersEnded()).isEqualTo(2);
        assertThat(outcomes.ordersRejected()).isEqualTo(1);
        assertThat(outcomes.ordersDelivered()).isZero();
        assertThat(outcomes.deliveredPerSecond()).isZero();
        assertThat(outcomes.toPaidMillis().max()).isEqualTo(1000);
    }

    @Test
    void theFirehoseKeepsTheFirstTimeAnOrderIsSeenInAStatus() {
        var firehose = new Firehose();
        firehose.saw("a", "PAID", 5);
        firehose.saw("a", "PAID", 9);

        assertThat(firehose.at("a", "PAID")).isEqualTo(5);
        assertThat(firehose.at("a", "DELIVERED")).isNull();
        assertThat(firehose.hasEnded("a")).isFalse();
    }
}
