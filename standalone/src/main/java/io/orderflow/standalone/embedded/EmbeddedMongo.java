package io.orderflow.standalone.embedded;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import org.h2.mvstore.MVStore;

/**
 * A server speaking MongoDB's wire protocol (mongo-java-server) over an H2 file, so read models survive restarts.
 * The application talks to it with the standard driver only, so a real MongoDB is a drop-in replacement. Documents
 * are stored as BSON and indexes ordered by value ({@link EmbeddedMongoDatabase}), where mongo-java-server's own H2
 * backend uses Java serialization for both.
 */
final class EmbeddedMongo implements AutoCloseable {

    private static final int JOURNAL_INTERVAL_MILLIS = 100;

    private final MongoServer server;
    private final int port;

    private EmbeddedMongo(MongoServer server, int port) {
        this.server = server;
        this.port = port;
    }

    static EmbeddedMongo start(Path directory, int port) throws IOException {
        EmbeddedInfrastructure.requireFree(port);
        Files.createDirectories(directory);
        MVStore store = new MVStore.Builder()
                .fileName(directory.resolve("orderflow.mv").toAbsolutePath().toString())
                .autoCommitDisabled()
                .open();
        // opening the databases may rebuild indexes of an older file: committed at once, or not at all
        var backend = new JournalingH2Backend(store);
        store.commit();
        store.setAutoCommitDelay(JOURNAL_INTERVAL_MILLIS);
        var server = new MongoServer(backend);
        server.bind("127.0.0.1", port);
        return new EmbeddedMongo(server, port);
    }

    String connectionString() {
        return "mongodb://127.0.0.1:" + port + "/orderflow";
    }

    @Override
    public void close() {
        server.shutdownNow();
    }

    /**
     * Durability as MongoDB's journal gives it. H2 keeps changes in memory and writes them out in the background,
     * here every 100 ms, as MongoDB flushes its journal; a write asking for the journal ({@code j: true}) is
     * answered only once it and everything before it are written out. Projections end each batch with such
     * a write before their position moves on in PostgreSQL, so a platform killed outright loses no read-model write
     * its projection counted as done, and a batch of 100 writes costs one write-out instead of 100.
     */
    private static final class JournalingH2Backend extends H2Backend {

        private static final Set<String> WRITES = Set.of("insert", "update", "delete", "findandmodify");

        JournalingH2Backend(MVStore store) {
            super(store);
        }

        @Override
        protected MongoDatabase openOrCreateDatabase(String databaseName) {
            return new EmbeddedMongoDatabase(databaseName, getMvStore(), getCursorRegistry());
        }

        @Override
        public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
            Document answer = super.handleCommand(channel, databaseName, command, query);
            if (WRITES.contains(command.toLowerCase(Locale.ROOT)) && journaled(query)) {
                commit();
            }
            return answer;
        }

        private static boolean journaled(Document query) {
            return query.get("writeConcern") instanceof Document concern && Boolean.TRUE.equals(concern.get("j"));
        }
    }
}
