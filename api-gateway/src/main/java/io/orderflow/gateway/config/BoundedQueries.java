package io.orderflow.gateway.config;

import java.util.concurrent.TimeUnit;
import org.axonframework.messaging.responsetypes.ResponseType;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

/**
 * Asks a query through Axon's {@link QueryGateway} and waits for the answer at most
 * {@code orderflow.gateway.query-timeout}; a late answer ends the request as 503 rather than holding it.
 */
@Component
public class BoundedQueries {

    private final QueryGateway queries;
    private final GatewayProperties properties;

    BoundedQueries(QueryGateway queries, GatewayProperties properties) {
        this.queries = queries;
        this.properties = properties;
    }

    public <R> R ask(Object query, ResponseType<R> responseType) {
        return queries.query(query, responseType)
                .orTimeout(properties.queryTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .join();
    }
}
