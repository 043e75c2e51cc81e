package io.orderflow.standalone.config;

import io.orderflow.api.operations.FindProcessorStatusQuery;
import io.orderflow.api.operations.ProcessorStatus;
import io.orderflow.api.operations.ProcessorStatusList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * Every streaming event processor (projections, the saga, the Kafka publisher, the simulated carrier), as the
 * operators' processor status reports it: down when one is not running, has a segment in error, or lags more than
 * {@code orderflow.operations.max-processor-lag} events behind the head of the event store. A projection that is
 * replaying on an operator's request is expected to lag and does not count against readiness.
 */
@Component("eventProcessorsHealthIndicator")
class EventProcessorsHealthIndicator extends AbstractHealthIndicator {

    private final QueryGateway queries;
    private final long maxLag;

    EventProcessorsHealthIndicator(QueryGateway queries, OperationsProperties properties) {
        super("Event processor health check failed");
        this.queries = queries;
        this.maxLag = properties.maxProcessorLag();
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        List<ProcessorStatus> statuses = queries.query(
                        new FindProcessorStatusQuery(), ResponseTypes.instanceOf(ProcessorStatusList.class))
                .get(2, TimeUnit.SECONDS)
                .processors();
        boolean healthy = true;
        var processors = new LinkedHashMap<String, Object>();
        long head = 0;
        for (ProcessorStatus status : statuses) {
            head = Math.max(head, status.head());
            String state = !status.running()
                    ? "STOPPED"
                    : status.error()
                            ? "ERROR"
                            : status.replaying() ? "REPLAYING" : status.lag() > maxLag ? "LAGGING" : "UP";
            healthy &= state.equals("UP") || state.equals("REPLAYING");
            processors.put(status.name(), Map.of("state", state, "lag", status.lag(), "segments", status.segments()));
        }
        (healthy ? builder.up() : builder.down())
                .withDetail("head", head)
                .withDetail("maxLag", maxLag)
                .withDetail("processors", processors);
    }
}
