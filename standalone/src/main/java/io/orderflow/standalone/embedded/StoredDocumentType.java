package io.orderflow.standalone.embedded;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.util.Map;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

/**
 * A collection's documents in H2's MVStore, as BSON. mongo-java-server's H2 backend leaves them to H2's
 * {@link ObjectDataType}, which writes each with Java serialization (an {@code ObjectOutputStream} per document and
 * page write, an {@code ObjectInputStream} per read). BSON is what the wire server decodes them from anyway, so
 * storing it loses nothing a client could see.
 *
 * <p>A stored document starts with {@link #BSON}, a tag {@code ObjectDataType} never writes; anything else is read
 * as {@code ObjectDataType} wrote it, so a file written before stays readable and its documents turn to BSON as they
 * are written again. A value BSON cannot hold (none a client can send) is written the old way.
 */
final class StoredDocumentType extends BasicDataType<Document> {

    /** {@code ObjectDataType}'s tags end at 119. */
    static final byte BSON = 127;

    private final ObjectDataType legacy = new ObjectDataType();

    /** Bytes a document takes on the heap, roughly: about three times its BSON, as last written. */
    private volatile int averageMemory = 1024;

    @Override
    public int getMemory(Document document) {
        return averageMemory;
    }

    @Override
    public void write(WriteBuffer buffer, Document document) {
        ByteBuf bson = bsonOf(document);
        if (bson == null) {
            legacy.write(buffer, document);
            return;
        }
        writeTagged(buffer, bson);
        averageMemory = (averageMemory * 7 + bson.readableBytes() * 3) / 8;
    }

    @Override
    public Document read(ByteBuffer buffer) {
        if (buffer.get(buffer.position()) != BSON) {
            return (Document) legacy.read(buffer);
        }
        buffer.get();
        return readBson(buffer);
    }

    /** One BSON document from the buffer's position, which moves past it. */
    static Document readBson(ByteBuffer buffer) {
        ByteBuf bson = Unpooled.wrappedBuffer(buffer);
        Document document = BsonDecoder.decodeBson(bson);
        buffer.position(buffer.position() + bson.readerIndex());
        return document;
    }

    /** The document as BSON, or nothing when a value of it has no BSON type. */
    static ByteBuf bsonOf(Map<String, ?> document) {
        ByteBuf bson = Unpooled.buffer();
        try {
            BsonEncoder.encodeDocument(document, bson);
            return bson;
        } catch (IllegalArgumentException notBson) {
            return null;
        }
    }

    static void writeTagged(WriteBuffer buffer, ByteBuf bson) {
        buffer.put(BSON).put(bson.array(), bson.arrayOffset() + bson.readerIndex(), bson.readableBytes());
    }

    @Override
    public Document[] createStorage(int size) {
        return new Document[size];
    }
}
