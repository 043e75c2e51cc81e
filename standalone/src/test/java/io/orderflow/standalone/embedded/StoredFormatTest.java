package io.orderflow.standalone.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How the embedded MongoDB stores documents and index keys: as BSON and in value order, over the wire as a client
 * sees them, across a restart, and from a file mongo-java-server's own H2 backend wrote (Java serialization, keys in
 * the order of their serialized bytes).
 */
class StoredFormatTest {

    private static final String STANDARD_UUIDS = "?uuidRepresentation=standard";

    @TempDir
    Path directory;

    @Test
    void everyBsonTypeAClientSendsComesBackTheSameAfterARestart() throws Exception {
        Document sent = new Document("_id", "order-1")
                .append("text", "Laptop Stand é")
                .append("int", 42)
                .append("long", 1L << 40)
                .append("double", 45.99)
                .append("decimal", Decimal128.parse("45.99"))
                .append("date", java.util.Date.from(Instant.now().truncatedTo(ChronoUnit.MILLIS)))
                .append("objectId", new ObjectId())
                .append("flag", true)
                .append("nothing", null)
                .append("uuid", UUID.randomUUID())
                .append("bytes", new Binary(new byte[] {1, 2, 3}))
                .append("lines", List.of(new Document("productId", "PROD-002").append("quantity", 1), "x", 3))
                .append("address", new Document("city", "London").append("postalCode", "N1 9GU"));
        try (var mongo = EmbeddedMongo.start(directory, FreePorts.any());
                var client = MongoClients.create(mongo.connectionString() + STANDARD_UUIDS)) {
            client.getDatabase("orderflow").getCollection("orders").insertOne(sent);
        }

        try (var mongo = EmbeddedMongo.start(directory, FreePorts.any());
                var client = MongoClients.create(mongo.connectionString() + STANDARD_UUIDS)) {
            Document read = client.getDatabase("orderflow")
                    .getCollection("orders")
                    .find(Filters.eq("_id", "order-1"))
                    .first();
            assertThat(read).isEqualTo(sent);
        }
    }

    @Test
    void aFileOfMongoJavaServersOwnH2BackendOpensWithItsDocumentsAndIndexes() throws Exception {
        Path file = directory.resolve("orderflow.mv");
        var before = new MongoServer(new H2Backend(MVStore.open(file.toString())));
        before.bind("127.0.0.1", FreePorts.any());
        try (var client = MongoClients.create(
                "mongodb://127.0.0.1:" + before.getLocalAddress().getPort())) {
            var accounts = client.getDatabase("orderflow").getCollection("accounts");
            accounts.createIndex(Indexes.ascending("email"), new IndexOptions().unique(true));
            for (int i = 0; i < 300; i++) {
                accounts.insertOne(new Document("_id", "account-" + i)
                        .append("email", "customer-" + i + "@example.com")
                        .append("credit", i * 1.5));
            }
        } finally {
            before.shutdownNow();
        }

        for (int start = 0; start < 2; start++) {
            try (var mongo = EmbeddedMongo.start(directory, FreePorts.any());
                    var client = MongoClients.create(mongo.connectionString())) {
                var accounts = client.getDatabase("orderflow").getCollection("accounts");
                for (int i = 0; i < 300; i += 7) {
                    assertThat(accounts.find(Filters.eq("_id", "account-" + i)).first())
                            .as("account-" + i + " by its id")
                            .containsEntry("email", "customer-" + i + "@example.com");
                    assertThat(accounts.find(Filters.eq("email", "customer-" + i + "@example.com"))
                                    .first())
                            .as("account-" + i + " by its email")
                            .containsEntry("_id", "account-" + i);
                }
                int next = 300 + start;
                assertThatThrownBy(() -> accounts.insertOne(
                                new Document("_id", "account-" + next).append("email", "customer-7@example.com")))
                        .as("the unique email index still holds")
                        .isInstanceOf(MongoWriteException.class)
                        .hasMessageContaining("E11000 duplicate key");
                assertThatThrownBy(() -> accounts.insertOne(new Document("_id", "account-7")))
                        .as("the _id index still holds")
                        .isInstanceOf(MongoWriteException.class)
                        .hasMessageContaining("E11000 duplicate key");
                accounts.insertOne(
                        new Document("_id", "account-" + next).append("email", "customer-" + next + "@example.com"));
                accounts.updateOne(Filters.eq("_id", "account-3"), new Document("$set", new Document("credit", 99.0)));
                assertThat(accounts.find(Filters.eq("_id", "account-3")).first())
                        .containsEntry("credit", 99.0);
                assertThat(accounts.countDocuments()).isEqualTo(301 + start);
                assertThat(accounts.find().sort(Sorts.descending("credit")).first())
                        .containsEntry("_id", "account-299");
            }
        }
    }

    @Test
    void aRenamedCollectionKeepsItsDocumentsAndIndexesAcrossARestart() throws Exception {
        try (var mongo = EmbeddedMongo.start(directory, FreePorts.any());
                var client = MongoClients.create(mongo.connectionString())) {
            var database = client.getDatabase("orderflow");
            database.getCollection("orders_old")
                    .createIndex(Indexes.ascending("number"), new IndexOptions().unique(true));
            for (int i = 0; i < 20; i++) {
                database.getCollection("orders_old").insertOne(new Document("_id", "order-" + i).append("number", i));
            }
            database.getCollection("orders_old")
                    .renameCollection(new com.mongodb.MongoNamespace("orderflow", "orders"));
            // a new collection under the old name has indexes of its own
            database.getCollection("orders_old").insertOne(new Document("_id", "order-1"));
            assertThatThrownBy(() -> database.getCollection("orders")
                            .insertOne(new Document("_id", "order-20").append("number", 3)))
                    .as("the renamed collection's unique index, before a restart")
                    .isInstanceOf(MongoWriteException.class)
                    .hasMessageContaining("E11000 duplicate key");
            database.getCollection("orders").insertOne(new Document("_id", "order-20").append("number", 20));
        }

        try (var mongo = EmbeddedMongo.start(directory, FreePorts.any());
                var client = MongoClients.create(mongo.connectionString())) {
            var orders = client.getDatabase("orderflow").getCollection("orders");
            assertThat(orders.countDocuments()).isEqualTo(21);
            assertThat(orders.find(Filters.eq("_id", "order-7")).first()).containsEntry("number", 7);
            assertThatThrownBy(() -> orders.insertOne(new Document("_id", "order-21").append("number", 7)))
                    .as("the unique index moved with the collection")
                    .isInstanceOf(MongoWriteException.class)
                    .hasMessageContaining("E11000 duplicate key");
        }
    }

    @Test
    void documentsAreWrittenAsBsonAndOldOnesStillRead() {
        var type = new StoredDocumentType();
        var document = new de.bwaldvogel.mongo.bson.Document("_id", "order-1").append("status", "PAID");

        ByteBuffer written = written(buffer -> type.write(buffer, document));
        assertThat(written.get(0)).isEqualTo(StoredDocumentType.BSON);
        assertThat(type.read(written)).isEqualTo(document);
        assertThat(written.hasRemaining()).isFalse();

        ByteBuffer old = written(buffer -> new ObjectDataType().write(buffer, document));
        assertThat(type.read(old)).isEqualTo(document);
        assertThat(old.hasRemaining()).isFalse();
    }

    @Test
    void indexKeysHaveOneOrderEqualOnlyWhereTheyAreEqual() {
        List<KeyValue> keys = new ArrayList<>();
        for (Object value : List.of(
                "a",
                "b",
                "ab",
                "",
                1.5,
                -2.0,
                0.0,
                7L,
                Long.MAX_VALUE,
                true,
                false,
                Instant.ofEpochMilli(5),
                Instant.ofEpochMilli(6),
                new de.bwaldvogel.mongo.bson.Document("a", 1.0),
                new de.bwaldvogel.mongo.bson.Document("a", 2.0),
                new de.bwaldvogel.mongo.bson.Document("b", 1.0).append("a", 1.0),
                new de.bwaldvogel.mongo.bson.Document("a", 1.0).append("b", 1.0),
                List.of(1.0, 2.0),
                List.of(2.0),
                new de.bwaldvogel.mongo.bson.ObjectId())) {
            keys.add(new KeyValue(value));
            keys.add(new KeyValue(value, "second"));
        }
        keys.add(new KeyValue((Object) null));
        keys.add(new KeyValue(new ArrayList<>(List.of(1.0, 2.0))));
        keys.add(new KeyValue(new de.bwaldvogel.mongo.bson.Document("a", 2.0)));
        var type = new IndexKeyType();

        for (KeyValue a : keys) {
            for (KeyValue b : keys) {
                int order = type.compare(a, b);
                // as in MongoDB, a document's field order counts, which Map.equals leaves out
                boolean same = a.equals(b) && a.toString().equals(b.toString());
                assertThat(order == 0).as(a + " = " + b).isEqualTo(same);
                assertThat(Integer.signum(order))
                        .as(a + " against " + b)
                        .isEqualTo(-Integer.signum(type.compare(b, a)));
                for (KeyValue c : keys) {
                    if (order < 0 && type.compare(b, c) < 0) {
                        assertThat(type.compare(a, c))
                                .as(a + " < " + b + " < " + c)
                                .isNegative();
                    }
                }
            }
            KeyValue read = type.read(written(buffer -> type.write(buffer, a)));
            assertThat(read).isEqualTo(a);
            assertThat(type.compare(read, a)).isZero();
        }
    }

    private static ByteBuffer written(java.util.function.Consumer<WriteBuffer> writer) {
        var buffer = new WriteBuffer();
        writer.accept(buffer);
        return buffer.getBuffer().flip();
    }
}
