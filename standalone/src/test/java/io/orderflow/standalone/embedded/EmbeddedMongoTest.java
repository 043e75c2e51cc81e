package io.orderflow.standalone.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClients;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What survives a kill of the embedded MongoDB wire server: the data file copied right after a journaled write, as
 * the disk holds it when the process dies at that instant, opened by a new server.
 */
class EmbeddedMongoTest {

    @TempDir
    Path directory;

    @Test
    void aJournaledWriteIsOnDiskWithEveryWriteBeforeIt() throws Exception {
        Path crashed = directory.resolve("crashed");
        try (var mongo = EmbeddedMongo.start(directory.resolve("live"), FreePorts.any());
                var client = MongoClients.create(mongo.connectionString())) {
            var orders = client.getDatabase("orderflow").getCollection("orders");
            for (int i = 0; i < 50; i++) {
                orders.insertOne(new Document("_id", "order-" + i).append("status", "PAID"));
            }
            client.getDatabase("orderflow")
                    .getCollection("projection_checkpoints")
                    .withWriteConcern(WriteConcern.JOURNALED)
                    .insertOne(new Document("_id", "order-projection"));
            Files.createDirectories(crashed);
            Files.copy(directory.resolve("live").resolve("orderflow.mv"), crashed.resolve("orderflow.mv"));
        }

        try (var mongo = EmbeddedMongo.start(crashed, FreePorts.any());
                var client = MongoClients.create(mongo.connectionString())) {
            var database = client.getDatabase("orderflow");
            assertThat(database.getCollection("orders").countDocuments()).isEqualTo(50);
            assertThat(database.getCollection("projection_checkpoints").countDocuments())
                    .isEqualTo(1);
        }
    }
}
