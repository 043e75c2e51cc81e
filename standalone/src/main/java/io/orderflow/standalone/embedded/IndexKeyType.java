package io.orderflow.standalone.embedded;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

/**
 * A unique index's keys in H2's MVStore, ordered without serializing them. mongo-java-server's {@link KeyValue} is not
 * {@link Comparable}, so H2's {@link ObjectDataType} orders two keys by their Java serialization: two
 * {@code ObjectOutputStream}s for every comparison of every lookup, insert and removal in the index's tree, which
 * includes every document's {@code _id}.
 *
 * <p>Keys are ordered value by value: by BSON type first; within a type, values of one of the common immutable classes
 * by their own order, and any other value (a document, an array) by its BSON bytes. Two keys are equal exactly when
 * their values are the same class and equal, or have the same BSON bytes, as with serialization. Keys are written as a
 * BSON document of their values, tagged like {@link StoredDocumentType}'s documents; a file written with
 * {@code ObjectDataType}'s order has its indexes rebuilt when it is opened ({@link EmbeddedMongoDatabase}).
 */
final class IndexKeyType extends BasicDataType<KeyValue> {

    /** Classes ordered by their own {@code compareTo}, which agrees with {@code equals} for each of them. */
    private static final Set<Class<?>> ORDERED = Set.of(
            String.class,
            Double.class,
            Long.class,
            Integer.class,
            Boolean.class,
            Instant.class,
            UUID.class,
            ObjectId.class);

    /** Outside a byte's range, where BSON's types are. */
    private static final int NO_BSON_TYPE = 256;

    private final ObjectDataType legacy = new ObjectDataType();

    @Override
    public int compare(KeyValue a, KeyValue b) {
        if (a == b) {
            return 0;
        }
        int order = Integer.compare(a.size(), b.size());
        for (int i = 0; order == 0 && i < a.size(); i++) {
            order = compareValues(a.get(i), b.get(i));
        }
        return order;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compareValues(Object a, Object b) {
        if (a == b) {
            return 0;
        }
        int order = Integer.compare(bsonType(a), bsonType(b));
        if (order != 0) {
            return order;
        }
        boolean aOrdered = a != null && ORDERED.contains(a.getClass());
        boolean bOrdered = b != null && ORDERED.contains(b.getClass());
        if (aOrdered && bOrdered) {
            order = a.getClass().getName().compareTo(b.getClass().getName());
            return order != 0 ? order : ((Comparable) a).compareTo(b);
        }
        if (aOrdered != bOrdered) {
            return aOrdered ? -1 : 1;
        }
        return Arrays.compareUnsigned(bytesOf(a), bytesOf(b));
    }

    private static int bsonType(Object value) {
        try {
            return BsonEncoder.determineType(value);
        } catch (IllegalArgumentException noBsonType) {
            return NO_BSON_TYPE;
        }
    }

    private static byte[] bytesOf(Object value) {
        int type = bsonType(value);
        if (type == NO_BSON_TYPE) {
            return ObjectDataType.serialize(value);
        }
        ByteBuf bson = Unpooled.buffer();
        BsonEncoder.encodeValue((byte) type, value, bson);
        return ByteBufUtil.getBytes(bson);
    }

    @Override
    public int getMemory(KeyValue key) {
        return 64 + 48 * key.size();
    }

    @Override
    public void write(WriteBuffer buffer, KeyValue key) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Object value : key) {
            values.put(Integer.toString(values.size()), value);
        }
        ByteBuf bson = StoredDocumentType.bsonOf(values);
        if (bson == null) {
            legacy.write(buffer, key);
        } else {
            StoredDocumentType.writeTagged(buffer, bson);
        }
    }

    @Override
    public KeyValue read(ByteBuffer buffer) {
        if (buffer.get(buffer.position()) != StoredDocumentType.BSON) {
            return (KeyValue) legacy.read(buffer);
        }
        buffer.get();
        Document values = StoredDocumentType.readBson(buffer);
        return new KeyValue(new ArrayList<>(values.values()));
    }

    @Override
    public KeyValue[] createStorage(int size) {
        return new KeyValue[size];
    }
}
