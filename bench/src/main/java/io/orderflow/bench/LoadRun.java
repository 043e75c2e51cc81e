package io.orderflow.bench;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One load against a running platform, followed on the operators' firehose until every accepted order has ended
 * (or {@link #SETTLING} has passed), and what became of it.
 *
 * @param loadStart when the first order was due (System.nanoTime)
 * @param loadEnd when the last order was sent (System.nanoTime)
 */
record LoadRun(LoadGenerator.Figures sent, OrderOutcomes orders, long loadStart, long loadEnd) {

    /** How long accepted orders may take to end after the load stops. */
    static final Duration SETTLING = Duration.ofSeconds(180);
    /** Throughput is counted after a warm-up; 70 s of load leave 60 s sustained. */
    static final int WARM_UP_SECONDS = 10;

    /** Runs the load the options describe ({@link LoadGenerator.Settings#of}) against the firehose's platform. */
    static LoadRun of(Map<String, String> loadOptions, Firehose firehose) throws Exception {
        return of(loadOptions, firehose, SETTLING, SETTLING, () -> {});
    }

    /**
     * The same, waiting at most {@code settling} after the load for the accepted orders to end, and judging them
     * then; then waiting on, up to {@code drain} in all, until they have ended, so that a backlog does not weigh on
     * what runs next. {@code loadStarting} runs once the customers are signed up and before the first order is sent,
     * so a measurement it starts leaves their sign-up out.
     */
    static LoadRun of(
            Map<String, String> loadOptions,
            Firehose firehose,
            Duration settling,
            Duration drain,
            Runnable loadStarting)
            throws Exception {
        var load = new LoadGenerator(LoadGenerator.Settings.of(loadOptions));
        load.signUp();
        loadStarting.run();
        LoadGenerator.Figures sent = load.run();
        // the load itself, not the customers' sign-up before it nor the wait for the last answers after it
        long loadStart = load.sendingStartedAt();
        long loadEnd = load.sendingEndedAt();
        awaitEnded(load, firehose, settling);
        OrderOutcomes orders = OrderOutcomes.of(load.accepted(), firehose, loadStart, loadEnd, WARM_UP_SECONDS);
        awaitEnded(load, firehose, drain.minus(settling));
        return new LoadRun(sent, orders, loadStart, loadEnd);
    }

    private static void awaitEnded(LoadGenerator load, Firehose firehose, Duration atMost) throws Exception {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (System.nanoTime() < deadline
                && !load.accepted().keySet().stream().allMatch(firehose::hasEnded)) {
            firehose.checkStillWatching();
            TimeUnit.MILLISECONDS.sleep(500);
        }
    }

    double seconds() {
        return (loadEnd - loadStart) / 1e9;
    }
}
