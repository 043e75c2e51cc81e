package io.orderflow.standalone.embedded;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.h2.mvstore.MVStore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A server speaking MongoDB's wire protocol (mongo-java-server) over an H2 file, so read models survive restarts.
 * The application talks to it with the standard driver only, so a real MongoDB is a drop-in replacement.
 */
final class EmbeddedMongo implements AutoCloseable {

    /** Changes reach the file within this many milliseconds; read models are rebuilt from events if some are lost. */
    private static final int COMMIT_DELAY_MILLIS = 100;

    private final MongoServer server;
    private final int port;

    private EmbeddedMongo(MongoServer server, int port) {
        this.server = server;
        this.port = port;
    }

    static EmbeddedMongo start(Path directory, int port) throws IOException {
        Files.createDirectories(directory);
        MVStore store = new MVStore.Builder()
                .fileName(directory.resolve("orderflow.mv").toAbsolutePath().toString())
                .open();
        store.setAutoCommitDelay(COMMIT_DELAY_MILLIS);
        var server = new MongoServer(new H2Backend(store));
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
}
