package io.orderflow.standalone.embedded;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.AbstractSynchronizedMongoDatabase;
import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import java.util.List;
import java.util.Map.Entry;
import java.util.stream.Collectors;
import org.h2.mvstore.FileStore;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A database of the embedded MongoDB in H2's MVStore, laid out as mongo-java-server's H2 backend lays it out (so a
 * file it wrote opens here), with documents stored as BSON ({@link StoredDocumentType}) and unique indexes ordered
 * without serialization ({@link IndexKeyType}). An index written in the old order is rebuilt in the new one the first
 * time it is opened; the collection's meta map records which indexes are in the new order.
 */
final class EmbeddedMongoDatabase extends AbstractSynchronizedMongoDatabase<Object> {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongoDatabase.class);

    /** mongo-java-server's H2 backend's map names, kept so that its files open here. */
    private static final String DATA_PREFIX = "databases.";

    private static final String META_PREFIX = "meta.";
    private static final String KEY_ORDER = "keyOrder.";
    private static final String BSON_ORDER = "bson-type-then-value";

    private final MVStore store;

    EmbeddedMongoDatabase(String databaseName, MVStore store, CursorRegistry cursorRegistry) {
        super(databaseName, cursorRegistry);
        this.store = store;
        initializeNamespacesAndIndexes();
    }

    @Override
    protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
        String fullName = getFullCollectionNamespace(collectionName);
        MVMap<Object, Document> data = store.openMap(
                DATA_PREFIX + fullName, new MVMap.Builder<Object, Document>().valueType(new StoredDocumentType()));
        return new CopyingCollection(this, collectionName, options, data, metaOf(fullName), cursorRegistry);
    }

    /**
     * An index map without the mark was written in serialized order and is dropped; mongo-java-server fills an empty
     * index from the collection's documents when it adds it, as for any new index.
     */
    @Override
    protected Index<Object> openOrCreateUniqueIndex(
            String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
        String fullName = getFullCollectionNamespace(collectionName);
        String mapName = indexMapName(fullName, indexName);
        MVMap<String, Object> meta = metaOf(fullName);
        if (store.hasMap(mapName) && !BSON_ORDER.equals(meta.get(KEY_ORDER + indexName))) {
            log.info("Rebuilding index {} of {} in the order of its keys' values", indexName, fullName);
            store.removeMap(mapName);
        }
        // the mark first: a kill between the two leaves a mark and no map, never a map in the new order unmarked
        meta.put(KEY_ORDER + indexName, BSON_ORDER);
        MVMap<KeyValue, Object> index =
                store.openMap(mapName, new MVMap.Builder<KeyValue, Object>().keyType(new IndexKeyType()));
        return new UniqueIndex(index, indexName, keys, sparse);
    }

    private MVMap<String, Object> metaOf(String fullCollectionName) {
        return store.openMap(META_PREFIX + fullCollectionName);
    }

    private static String indexMapName(String fullCollectionName, String indexName) {
        return fullCollectionName + "._index_" + indexName;
    }

    @Override
    protected void dropIndex(MongoCollection<Object> collection, String indexName) {
        super.dropIndex(collection, indexName);
        // the map first, then its mark, for the same reason as above
        store.removeMap(indexMapName(collection.getFullName(), indexName));
        metaOf(collection.getFullName()).remove(KEY_ORDER + indexName);
    }

    @Override
    public void drop(Oplog oplog) {
        super.drop(oplog);
        store.getMapNames().stream()
                .filter(name -> name.startsWith(databaseName + ".")
                        || name.startsWith(DATA_PREFIX + databaseName + ".")
                        || name.startsWith(META_PREFIX + databaseName + "."))
                .toList()
                .forEach(store::removeMap);
    }

    @Override
    public void dropCollection(String collectionName, Oplog oplog) {
        super.dropCollection(collectionName, oplog);
        String fullName = getFullCollectionNamespace(collectionName);
        store.removeMap(DATA_PREFIX + fullName);
        store.removeMap(META_PREFIX + fullName);
    }

    /** The collection's maps follow its new name: its documents, its meta map and each of its indexes (all open). */
    @Override
    public void moveCollection(MongoDatabase oldDatabase, MongoCollection<?> collection, String newCollectionName) {
        String oldFullName = collection.getFullName();
        super.moveCollection(oldDatabase, collection, newCollectionName);
        String newFullName = collection.getFullName();
        String oldIndexes = indexMapName(oldFullName, "");
        store.getMapNames().stream()
                .filter(name -> name.startsWith(oldIndexes))
                .toList()
                .forEach(name -> store.renameMap(
                        store.openMap(name), indexMapName(newFullName, name.substring(oldIndexes.length()))));
        store.renameMap(store.openMap(DATA_PREFIX + oldFullName), DATA_PREFIX + newFullName);
        store.renameMap(metaOf(oldFullName), META_PREFIX + newFullName);
    }

    @Override
    protected long getStorageSize() {
        FileStore<?> file = store.getFileStore();
        return file == null ? 0 : file.size();
    }

    @Override
    protected long getFileSize() {
        return getStorageSize();
    }

    /**
     * mongo-java-server's H2 collection, handing out copies of the documents its queries find, so that the objects the
     * store holds never change. mongo-java-server updates a document in place, the object its query found, before it
     * puts it back; but H2 writes a committed version out in the background from the objects its pages hold. An
     * update meeting that write-out failed it ({@code ConcurrentModificationException} in the BSON encoder), and after
     * a failed write-out H2 closes the store while its writer threads wait on each other for good, and every MongoDB
     * command with them. Every query, update and {@code findAndModify} finds its documents through
     * {@link #createQueryResult}; the copy is of what it found, after the filter, not of what it scanned.
     */
    private static final class CopyingCollection extends H2Collection {

        CopyingCollection(
                MongoDatabase database,
                String name,
                CollectionOptions options,
                MVMap<Object, Document> data,
                MVMap<String, Object> meta,
                CursorRegistry cursors) {
            super(database, name, options, data, meta, cursors);
        }

        @Override
        protected QueryResult createQueryResult(List<Document> found, int batchSize) {
            return super.createQueryResult(
                    found.stream().map(Document::cloneDeeply).collect(Collectors.toList()), batchSize);
        }
    }

    /** A unique index over one MVStore map: key to the document's position in its collection. */
    private static final class UniqueIndex extends AbstractUniqueIndex<Object> {

        private final MVMap<KeyValue, Object> map;

        UniqueIndex(MVMap<KeyValue, Object> map, String name, List<IndexKey> keys, boolean sparse) {
            super(name, keys, sparse);
            this.map = map;
        }

        @Override
        protected Object removeDocument(KeyValue key) {
            return map.remove(key);
        }

        @Override
        protected boolean putKeyPosition(KeyValue key, Object position) {
            return map.putIfAbsent(key, Missing.ofNullable(position)) == null;
        }

        @Override
        protected Iterable<Entry<KeyValue, Object>> getIterable() {
            return map.entrySet();
        }

        @Override
        protected Object getPosition(KeyValue key) {
            return map.get(key);
        }

        @Override
        public long getCount() {
            return map.sizeAsLong();
        }

        @Override
        public boolean isEmpty() {
            return map.isEmpty();
        }

        @Override
        public long getDataSize() {
            return getCount();
        }
    }
}
