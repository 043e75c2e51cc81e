package io.orderflow.standalone;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.orderflow.standalone.embedded.EmbeddedKafka;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

import static io.orderflow.standalone.TestPlatform.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Readiness follows the infrastructure: down (503) while MongoDB or Kafka is away, up again once it is back. The
 * platform runs against a MongoDB wire server and a Kafka broker this test owns, so it can stop them.
 */
class ReadinessTest {

    private static final Duration NOTICED = Duration.ofSeconds(30);

    @TempDir
    Path workDir;

    @Test
    void readinessGoesDownWhileMongoOrKafkaIsAwayAndUpWhenItReturns() throws Exception {
        int mongoPort = LaunchedPlatform.freePort();
        int kafkaPort = LaunchedPlatform.freePort();
        int controllerPort = LaunchedPlatform.freePort();
        MongoServer mongo = new MongoServer(new MemoryBackend());
        mongo.bind("127.0.0.1", mongoPort);
        EmbeddedKafka kafka = EmbeddedKafka.start(workDir.resolve("broker"), kafkaPort, controllerPort);
        try (TestPlatform platform = TestPlatform.start(workDir.resolve("platform"),
                "--spring.mongodb.uri=mongodb://127.0.0.1:" + mongoPort + "/orderflow",
                "--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers())) {
            awaitReadiness(platform, 200, "UP", "mongo", "kafka");

            mongo.shutdownNow();
            JsonNode withoutMongo = awaitReadiness(platform, 503, "DOWN", "mongo");
            assertThat(withoutMongo.get("components").get("kafka").get("status").asString()).isEqualTo("UP");
            assertThat(platform.anonymous().get("/actuator/health/liveness").statusCode()).as("alive all the same").isEqualTo(200);
            mongo = new MongoServer(new MemoryBackend());
            mongo.bind("127.0.0.1", mongoPort);
            awaitReadiness(platform, 200, "UP", "mongo");

            kafka.close();
            JsonNode withoutKafka = awaitReadiness(platform, 503, "DOWN", "kafka");
            assertThat(withoutKafka.get("components").get("mongo").get("status").asString()).isEqualTo("UP");
            kafka = EmbeddedKafka.start(workDir.resolve("broker"), kafkaPort, controllerPort);
            awaitReadiness(platform, 200, "UP", "kafka");
        } finally {
            mongo.shutdownNow();
            kafka.close();
        }
    }

    /** Waits until readiness answers the status with the components in the state, and answers its body. */
    private static JsonNode awaitReadiness(TestPlatform platform, int status, String state, String... components) {
        return await().atMost(NOTICED).pollInterval(Duration.ofMillis(500)).until(() -> {
            HttpResponse<String> readiness = platform.anonymous().get("/actuator/health/readiness");
            JsonNode body = read(readiness.body());
            for (String component : components) {
                if (!state.equals(body.get("components").get(component).get("status").asString())) {
                    return null;
                }
            }
            return readiness.statusCode() == status ? body : null;
        }, body -> body != null);
    }
}
