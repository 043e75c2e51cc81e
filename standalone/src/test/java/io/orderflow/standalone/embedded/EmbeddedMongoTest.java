package io.orderflow.standalone.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.ArrayFilters;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.NoopOplog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What survives a kill of the embedded MongoDB wire server: the data file copied right after a journaled write, as
 * the disk holds it when the process dies at that instant, opened by a new server. And what H2's background write-out
 * relies on: a version already committed does not change under it.
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
                orders.insertOne(new org.bson.Document("_id", "order-" + i).append("status", "PAID"));
            }
            client.getDatabase("orderflow")
                    .getCollection("projection_checkpoints")
                    .withWriteConcern(WriteConcern.JOURNALED)
                    .insertOne(new org.bson.Document("_id", "order-projection"));
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

    /**
     * H2 writes a committed version out in the background from the document objects its pages hold. An update that
     * changed such an object in place (mongo-java-server changes the document it read, then puts it back) failed that
     * write-out with a ConcurrentModificationException when the two met; H2 then closed the store, and its writer
     * threads waited on each other for good, every MongoDB command with them (PackagedLauncherIT hung so once in three
     * runs, 100 orders at once; a heap dump of the hung platform held the exception).
     */
    @Test
    void anUpdateLeavesTheVersionsCommittedBeforeItAsTheyWere() {
        MVStore store = new MVStore.Builder().open();
        var database = new EmbeddedMongoDatabase("orderflow", store, new CursorRegistry());
        MongoCollection<Object> orders =
                database.createCollectionOrThrowIfExists("orders", CollectionOptions.withDefaults());
        orders.addDocument(new Document("_id", "order-1")
                .append("status", "PLACED")
                .append("lines", List.of(new Document("productId", "PROD-001"))));
        long placed = commit(store);
        orders.updateDocuments(
                new Document("_id", "order-1"),
                new Document("$set", new Document("status", "PAID").append("lines.0.quantity", 1)),
                ArrayFilters.empty(),
                false,
                false,
                NoopOplog.get());
        long paid = commit(store);
        orders.findAndModify(new Document("query", new Document("_id", "order-1"))
                .append("update", new Document("$set", new Document("status", "SHIPPED"))));

        MVMap<Object, Document> documents = store.openMap("databases.orderflow.orders");
        assertThat(documents.openVersion(placed).get("order-1"))
                .as("as placed")
                .isEqualTo(new Document("_id", "order-1")
                        .append("status", "PLACED")
                        .append("lines", List.of(new Document("productId", "PROD-001"))));
        assertThat(documents.openVersion(paid).get("order-1").get("status")).isEqualTo("PAID");
        assertThat(documents.get("order-1").get("status")).isEqualTo("SHIPPED");
        store.close();
    }

    /** Commits the store's current version and answers it (H2's commit answers the version after it). */
    private static long commit(MVStore store) {
        long version = store.getCurrentVersion();
        store.commit();
        return version;
    }
}
