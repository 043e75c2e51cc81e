package io.orderflow.standalone.config;

import com.mongodb.client.MongoClient;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * MongoDB health by {@code ping}, which a real MongoDB and the embedded wire server both answer. It takes the
 * place of Spring Boot's indicator, whose {@code hello} command the embedded server does not know.
 */
@Component("mongoHealthIndicator")
class MongoPingHealthIndicator extends AbstractHealthIndicator {

    private final MongoClient client;
    private final String database;

    MongoPingHealthIndicator(MongoClient client, @Value("${spring.mongodb.database:orderflow}") String database) {
        super("MongoDB health check failed");
        this.client = client;
        this.database = database;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        // a server that is away answers nothing: give up after two seconds rather than hold the probe
        client.getDatabase(database).withTimeout(2, TimeUnit.SECONDS).runCommand(new Document("ping", 1));
        builder.up().withDetail("database", database);
    }
}
