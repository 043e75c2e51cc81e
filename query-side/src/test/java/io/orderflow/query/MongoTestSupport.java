package io.orderflow.query;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.repository.support.MongoRepositoryFactory;

/**
 * A MongoDB wire server in memory with a real driver and Spring Data on top, so projections are tested against the
 * protocol they use in production rather than against mocks.
 */
public final class MongoTestSupport implements AutoCloseable {

    private final MongoServer server = new MongoServer(new MemoryBackend());
    private final Map<String, Integer> commands = new ConcurrentHashMap<>();
    private final MongoClient client = MongoClients.create(MongoClientSettings.builder()
            .applyConnectionString(new ConnectionString(server.bindAndGetConnectionString()))
            .addCommandListener(new CommandListener() {
                @Override
                public void commandStarted(CommandStartedEvent event) {
                    commands.merge(event.getCommandName(), 1, Integer::sum);
                }
            })
            .build());
    private final MongoTemplate template = new MongoTemplate(client, "orderflow-test");
    private final MongoRepositoryFactory repositories = new MongoRepositoryFactory(template);

    public MongoTemplate template() {
        return template;
    }

    /** The commands the driver has sent so far, by name ({@code find}, {@code update}, ...), and how often. */
    public Map<String, Integer> commands() {
        return Map.copyOf(commands);
    }

    public <T> T repository(Class<T> repositoryInterface) {
        return repositories.getRepository(repositoryInterface);
    }

    @Override
    public void close() {
        client.close();
        server.shutdownNow();
    }
}
