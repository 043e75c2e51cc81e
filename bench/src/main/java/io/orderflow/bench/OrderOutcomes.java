package io.orderflow.bench;

import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What became of the accepted orders of one load, as the firehose saw them: how many ended and how, how fast, and
 * the throughput sustained while the load ran.
 *
 * @param sustainedSeconds the window throughput is counted over: the load after its warm-up
 * @param acceptedPerSecondSustained orders sent (and accepted) in that window per second
 * @param deliveredPerSecondSustained orders delivered in that window per second; a backlog drained after the load
 *     stopped does not count
 * @param deliveredPerSecond every delivery over the time from the load's start to the last delivery
 * @param toPaidMillis POST to {@code PAID}
 * @param toDeliveredMillis POST to {@code DELIVERED}
 */
public record OrderOutcomes(
        int ordersAccepted,
        int ordersEnded,
        int ordersDelivered,
        int ordersRejected,
        double sustainedSeconds,
        double acceptedPerSecondSustained,
        double deliveredPerSecondSustained,
        double deliveredPerSecond,
        Percentiles toPaidMillis,
        Percentiles toDeliveredMillis) {

    /**
     * From the orders accepted, each with its sending time, and the load's start and end (System.nanoTime). The
     * window starts after the warm-up, or half-way through a load shorter than twice the warm-up.
     */
    static OrderOutcomes of(
            Map<String, LoadGenerator.Accepted> accepted,
            Firehose firehose,
            long loadStart,
            long loadEnd,
            int warmUpSeconds) {
        var toPaid = new ArrayList<Long>();
        var toDelivered = new ArrayList<Long>();
        long windowStart = loadStart + Math.min(TimeUnit.SECONDS.toNanos(warmUpSeconds), (loadEnd - loadStart) / 2);
        long lastDelivery = loadStart;
        int deliveredInWindow = 0;
        int sentInWindow = 0;
        int ended = 0;
        int rejected = 0;
        for (var order : accepted.entrySet()) {
            long sentAt = order.getValue().sentAt();
            Long paid = firehose.at(order.getKey(), "PAID");
            Long delivered = firehose.at(order.getKey(), "DELIVERED");
            if (paid != null) {
                toPaid.add(paid - sentAt);
            }
            if (delivered != null) {
                toDelivered.add(delivered - sentAt);
                lastDelivery = Math.max(lastDelivery, delivered);
                deliveredInWindow += within(delivered, windowStart, loadEnd);
            }
            sentInWindow += within(sentAt, windowStart, loadEnd);
            ended += firehose.hasEnded(order.getKey()) ? 1 : 0;
            rejected += firehose.at(order.getKey(), "REJECTED") != null ? 1 : 0;
        }
        double windowSeconds = (loadEnd - windowStart) / 1e9;
        double deliveringSeconds = (lastDelivery - loadStart) / 1e9;
        return new OrderOutcomes(
                accepted.size(),
                ended,
                toDelivered.size(),
                rejected,
                Percentiles.oneDecimal(windowSeconds),
                Percentiles.oneDecimal(sentInWindow / windowSeconds),
                Percentiles.oneDecimal(deliveredInWindow / windowSeconds),
                deliveringSeconds <= 0 ? 0 : Percentiles.oneDecimal(toDelivered.size() / deliveringSeconds),
                Percentiles.ofNanos(toPaid),
                Percentiles.ofNanos(toDelivered));
    }

    private static int within(long at, long from, long to) {
        return at >= from && at <= to ? 1 : 0;
    }
}
