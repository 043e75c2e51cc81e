package io.orderflow.standalone;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import io.orderflow.standalone.embedded.EmbeddedKafka;
import io.orderflow.standalone.embedded.FreePorts;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.h2.mvstore.MVStore;

/**
 * One platform for every outage and readiness test of the run, on a PostgreSQL server, a MongoDB wire server (over an
 * H2 file, so its read models outlive a stop) and a Kafka broker that the tests own and can stop and start again: to
 * the platform they are external servers, as in production. A test that stops a part starts it again before it ends.
 * Everything stops when the test JVM ends.
 * <p>
 * The platform waits at most 2 s for a database connection, so a request during a PostgreSQL outage is answered 503
 * in about that time.
 * <p>
 * The platform's Kafka producer gives up on a send after 4 s instead of 2 minutes, so a broker outage of a few
 * seconds reaches the same path as a long one: the send fails, the publisher's segment goes into error, and the
 * processor retries from its position once the broker is back.
 */
final class OwnedInfrastructure {

    /** Held by every test class on this platform: they stop and start its parts, one class at a time. */
    static final String LOCK = "owned-infrastructure";

    private static OwnedInfrastructure shared;

    private final Path workDir;
    private final int postgresPort = FreePorts.any();
    private final int mongoPort = FreePorts.any();
    private final int kafkaPort = FreePorts.any();
    private final int controllerPort = FreePorts.any();
    private EmbeddedPostgres postgres;
    private MongoServer mongo;
    private EmbeddedKafka kafka;
    private final TestPlatform platform;

    private OwnedInfrastructure(Path workDir) throws Exception {
        this.workDir = workDir;
        startPostgres();
        startMongo();
        startKafka();
        platform = TestPlatform.start(
                workDir.resolve("platform"),
                "--spring.datasource.url=jdbc:postgresql://127.0.0.1:" + postgresPort + "/postgres",
                "--spring.datasource.username=postgres",
                "--spring.datasource.hikari.connection-timeout=2000",
                "--spring.mongodb.uri=mongodb://127.0.0.1:" + mongoPort + "/orderflow?serverSelectionTimeoutMS=2000",
                "--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                "--axon.kafka.producer.properties.delivery.timeout.ms=4000",
                "--axon.kafka.producer.properties.request.timeout.ms=1000",
                "--axon.kafka.producer.properties.max.block.ms=2000",
                // time to stop MongoDB between an order's payment and its parcel's pick-up
                "--orderflow.carrier.simulated.dispatch-delay=5s",
                "--orderflow.carrier.simulated.delivery-delay=2s");
    }

    static synchronized OwnedInfrastructure shared() throws Exception {
        if (shared == null) {
            shared = new OwnedInfrastructure(Files.createTempDirectory("orderflow-owned-infrastructure"));
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close));
        }
        return shared;
    }

    TestPlatform platform() {
        return platform;
    }

    String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    void stopPostgres() throws IOException {
        postgres.close();
    }

    /** The same cluster on the same port: its data outlives the stop. */
    void startPostgres() throws IOException {
        postgres = EmbeddedPostgres.builder()
                .setDataDirectory(workDir.resolve("postgres"))
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false)
                .setPort(postgresPort)
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .start();
    }

    void stopMongo() {
        mongo.shutdownNow();
    }

    void startMongo() {
        mongo = new MongoServer(new H2Backend(new MVStore.Builder()
                .fileName(workDir.resolve("read-models.mv").toString())
                .open()));
        mongo.bind("127.0.0.1", mongoPort);
    }

    void stopKafka() {
        kafka.close();
    }

    void startKafka() throws Exception {
        kafka = EmbeddedKafka.start(workDir.resolve("broker"), kafkaPort, controllerPort);
    }

    private void close() {
        try {
            platform.close();
        } finally {
            mongo.shutdownNow();
            kafka.close();
            try {
                postgres.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
