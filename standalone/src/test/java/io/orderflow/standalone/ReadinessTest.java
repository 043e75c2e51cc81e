package io.orderflow.standalone;

import static io.orderflow.standalone.TestPlatform.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import tools.jackson.databind.JsonNode;

/**
 * Readiness follows the infrastructure: down (503) while MongoDB or Kafka is away, up again once it is back. The
 * platform runs on {@link OwnedInfrastructure}, whose MongoDB and Kafka broker the test can stop.
 */
@ResourceLock(OwnedInfrastructure.LOCK)
class ReadinessTest {

    /** Long enough for a processor that an earlier outage left behind to catch up. */
    private static final Duration NOTICED = Duration.ofSeconds(60);

    @Test
    void readinessGoesDownWhileMongoOrKafkaIsAwayAndUpWhenItReturns() throws Exception {
        OwnedInfrastructure infrastructure = OwnedInfrastructure.shared();
        TestPlatform platform = infrastructure.platform();
        awaitReadiness(platform, 200, "UP", "mongo", "kafka");

        infrastructure.stopMongo();
        try {
            JsonNode withoutMongo = awaitReadiness(platform, 503, "DOWN", "mongo");
            assertThat(withoutMongo.get("components").get("kafka").get("status").asString())
                    .isEqualTo("UP");
            assertThat(platform.anonymous().get("/actuator/health/liveness").statusCode())
                    .as("alive all the same")
                    .isEqualTo(200);
        } finally {
            infrastructure.startMongo();
        }
        awaitReadiness(platform, 200, "UP", "mongo");

        infrastructure.stopKafka();
        try {
            JsonNode withoutKafka = awaitReadiness(platform, 503, "DOWN", "kafka");
            assertThat(withoutKafka.get("components").get("mongo").get("status").asString())
                    .isEqualTo("UP");
        } finally {
            infrastructure.startKafka();
        }
        awaitReadiness(platform, 200, "UP", "kafka");
    }

    /** Waits until readiness answers the status with the components in the state, and answers its body. */
    static JsonNode awaitReadiness(TestPlatform platform, int status, String state, String... components) {
        return await().atMost(NOTICED)
                .pollInterval(Duration.ofMillis(500))
                .until(
                        () -> {
                            HttpResponse<String> readiness =
                                    platform.anonymous().get("/actuator/health/readiness");
                            JsonNode body = read(readiness.body());
                            for (String component : components) {
                                if (!state.equals(body.get("components")
                                        .get(component)
                                        .get("status")
                                        .asString())) {
                                    return null;
                                }
                            }
                            return readiness.statusCode() == status ? body : null;
                        },
                        body -> body != null);
    }
}
