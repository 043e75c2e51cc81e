package io.orderflow.standalone.embedded;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import org.h2.mvstore.MVStore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

/**
 * A server speaking MongoDB's wire protocol (mongo-java-server) over an H2 file, so read models survive restarts.
 * The application talks to it with the standard driver only, so a real MongoDB is a drop-in replacement.
 */
final class EmbeddedMongo implements AutoCloseable {

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
        var server = new MongoServer(new CommittingH2Backend(store));
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
     * H2 keeps changes in memory and writes them out about once a second, so a platform killed outright would lose
     * the last writes while the projections' positions, kept in PostgreSQL, had already moved past them. This backend
     * writes every change out before answering it, as a MongoDB with a journal does: an acknowledged write survives.
     */
    private static final class CommittingH2Backend extends H2Backend {

        private static final Set<String> WRITES = Set.of("insert", "update", "delete", "findandmodify", "create",
                "createindexes", "drop", "dropindexes", "dropdatabase", "renamecollection");

        CommittingH2Backend(MVStore store) {
            super(store);
        }

        @Override
        public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
            Document answer = super.handleCommand(channel, databaseName, command, query);
            if (WRITES.contains(command.toLowerCase(Locale.ROOT))) {
                commit();
            }
            return answer;
        }
    }
}
