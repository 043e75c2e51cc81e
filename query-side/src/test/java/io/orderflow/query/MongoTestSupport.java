package io.orderflow.query;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.repository.support.MongoRepositoryFactory;

/**
 * A MongoDB wire server in memory with a real driver and Spring Data on top, so projections are tested against the
 * protocol they use in production rather than against mocks.
 */
public final class MongoTestSupport implements AutoCloseable {

    private final MongoServer server = new MongoServer(new MemoryBackend());
    private final MongoClient client = MongoClients.create(server.bindAndGetConnectionString());
    private final MongoTemplate template = new MongoTemplate(client, "orderflow-test");
    private final MongoRepositoryFactory repositories = new MongoRepositoryFactory(template);

    public MongoTemplate template() {
        return template;
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
