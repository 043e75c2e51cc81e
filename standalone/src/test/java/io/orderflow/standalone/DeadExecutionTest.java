package io.orderflow.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.orderflow.api.order.DerivedIds;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * A durable task that a platform had picked up when it was killed runs again soon after, not half an hour later.
 * db-scheduler marks a task it runs as picked and refreshes its heartbeat while it runs; a task whose heartbeat stopped
 * is revived once it is older than the missed heartbeats allow (by default 6 of one every 5 minutes: 30 minutes). The
 * packaged launcher's crash test found an order left {@code PAID} that long: its parcel's pick-up report had been
 * picked by the killed platform. Here the dispatch report of an order's parcel is marked as picked by another
 * platform, whose last heartbeat was a minute ago; the order must still be delivered within a minute. The payment
 * deadlines are tasks of the same scheduler. The platform runs on {@link OwnedInfrastructure}, whose carrier reports
 * the pick-up 5 s after the booking.
 */
@ResourceLock(OwnedInfrastructure.LOCK)
class DeadExecutionTest {

    @Test
    void aReportPickedByAPlatformThatDiedIsSentAgainWithinAMinute() throws Exception {
        TestPlatform platform = OwnedInfrastructure.shared().platform();
        String order = platform.placeOrder("[{\"productId\":\"PROD-007\",\"quantity\":1}]", "pm_card_visa", "N1 9GU");
        String pickUp = "dispatch:" + DerivedIds.shipmentOf(order) + ":deliver";
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> platform.jdbc()
                                .queryForObject(
                                        "select count(*) from scheduled_tasks where task_instance = ?",
                                        Integer.class,
                                        pickUp)
                        == 1);

        int picked = platform.jdbc()
                .update(
                        "update scheduled_tasks set picked = true, picked_by = 'killed-platform',"
                                + " last_heartbeat = now() - interval '1 minute', version = version + 1"
                                + " where task_instance = ? and not picked",
                        pickUp);

        assertThat(picked).as("the pick-up report, not yet run").isEqualTo(1);
        platform.awaitStatus(order, Duration.ofSeconds(60), "DELIVERED");
    }
}
