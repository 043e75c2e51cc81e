package io.orderflow.query.config;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.bson.Document;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The documents one batch of a projection writes, kept until the batch ends and then written in one bulk write per
 * collection, before the batch's {@linkplain ReadModelCheckpoints checkpoint}. A document written by several events
 * of the batch is written once, as the last of them left it, and read from MongoDB at most once. Outside an event
 * processor's batch (a handler called on its own) every write goes to MongoDB at once.
 *
 * <p>Each write replaces the whole document by its id, so a batch applied twice (after a crash, or in a replay)
 * leaves the same documents.
 */
public final class ReadModelBatch {

    private static final String RESOURCE = ReadModelBatch.class.getName();

    private final MongoTemplate mongo;
    /** Outside a batch: every write at once. */
    private final boolean writeThrough;

    private final Function<Object, Object> idOf;
    /** Pending documents by type and id, in the order first written. */
    private final Map<Class<?>, Map<Object, Object>> pending = new LinkedHashMap<>();
    /**
     * Documents read ahead for the batch, as stored, by type and id; an id read ahead and not found maps to absent.
     * They are mapped to their type when found, in the handler that asks, so that one that cannot be read fails
     * only that handler's event (which is then dead-lettered), not the batch.
     */
    private final Map<Class<?>, Map<Object, Optional<Document>>> readAhead = new HashMap<>();

    private ReadModelBatch(MongoTemplate mongo, boolean writeThrough) {
        this.mongo = mongo;
        this.writeThrough = writeThrough;
        this.idOf = document -> mongo.getConverter()
                .getMappingContext()
                .getRequiredPersistentEntity(document.getClass())
                .getIdentifierAccessor(document)
                .getRequiredIdentifier();
    }

    /**
     * The batch of the unit of work in progress, started by {@link ReadModelCheckpoints}; outside one, a batch that
     * writes through.
     */
    public static ReadModelBatch current(MongoTemplate mongo) {
        return CurrentUnitOfWork.map(unitOfWork -> unitOfWork.root().<ReadModelBatch>getResource(RESOURCE))
                .orElseGet(() -> new ReadModelBatch(mongo, true));
    }

    /**
     * Starts the batch of a unit of work, unless it has one; answers the new batch, which {@link
     * ReadModelCheckpoints} writes out before its checkpoint.
     */
    static Optional<ReadModelBatch> start(UnitOfWork<?> batch, MongoTemplate mongo) {
        Map<String, Object> resources = batch.root().resources();
        if (resources.containsKey(RESOURCE)) {
            return Optional.empty();
        }
        var writes = new ReadModelBatch(mongo, false);
        resources.put(RESOURCE, writes);
        return Optional.of(writes);
    }

    /** The document as the batch has it so far, or as MongoDB has it. */
    public <T> Optional<T> find(Class<T> type, Object id) {
        Object written = pending.getOrDefault(type, Map.of()).get(id);
        if (written != null) {
            return Optional.of(type.cast(written));
        }
        Optional<Document> read = readAhead.getOrDefault(type, Map.of()).get(id);
        return read != null
                ? read.map(stored -> mongo.getConverter().read(type, stored))
                : Optional.ofNullable(mongo.findById(id, type));
    }

    /** Reads the documents with these ids in one query, for the batch's later {@link #find}s. */
    void readAhead(Class<?> type, Collection<?> ids) {
        if (ids.isEmpty()) {
            return;
        }
        Map<Object, Optional<Document>> byId = readAhead.computeIfAbsent(type, key -> new HashMap<>());
        ids.forEach(id -> byId.put(id, Optional.empty()));
        mongo.getCollection(mongo.getCollectionName(type))
                .find(new Document("_id", new Document("$in", List.copyOf(ids))))
                .forEach(stored -> byId.put(stored.get("_id"), Optional.of(stored)));
    }

    /** Writes the whole document, replacing the one with its id; answers it. */
    public <T> T save(T document) {
        pending.computeIfAbsent(document.getClass(), type -> new LinkedHashMap<>())
                .put(idOf.apply(document), document);
        if (writeThrough) {
            flush();
        }
        return document;
    }

    /** Writes every pending document, one bulk write per collection. */
    void flush() {
        pending.forEach((type, documents) -> {
            BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, type);
            for (Object document : documents.values()) {
                bulk.replaceOne(
                        query(where("_id").is(idOf.apply(document))),
                        document,
                        FindAndReplaceOptions.options().upsert());
            }
            bulk.execute();
        });
        pending.clear();
    }
}
