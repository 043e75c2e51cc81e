package io.orderflow.bench;

import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClients;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;

/**
 * What the platform's own PostgreSQL, Kafka and MongoDB do on their own, with a row the size of an order event: the
 * baselines the platform's figures are divided by.
 */
final class MachineBaselines {

    /** About an order event's serialized size in {@code domainevententry}. */
    private static final int PAYLOAD_BYTES = 600;

    private static final String INSERT = "insert into bench_rows (aggregate, type, payload, at) values (?, ?, ?, ?)";

    /** Each baseline's rate, per second. */
    record Baselines(
            double postgresSingleRowCommitsPerSecond,
            double postgresBatchedInsertRowsPerSecond,
            double kafkaProducedPerSecondAcked,
            double mongoInsertsPerSecond,
            double mongoJournaledInsertsPerSecond) {}

    private interface Work {
        /** Does some work and answers how many units it did. */
        int run() throws Exception;
    }

    private MachineBaselines() {}

    /** Measures each baseline for the time given. */
    static Baselines measure(PlatformAddresses platform, Duration each) throws Exception {
        byte[] payload = new byte[PAYLOAD_BYTES];
        Arrays.fill(payload, (byte) 'x');
        double singleRowCommits;
        double batchedRows;
        try (Connection db = DriverManager.getConnection(platform.jdbcUrl())) {
            db.createStatement()
                    .execute("create table if not exists bench_rows (id bigserial primary key, "
                            + "aggregate varchar(255), type varchar(255), payload bytea, at varchar(64))");
            singleRowCommits = rate(each, () -> {
                try (var insert = db.prepareStatement(INSERT)) {
                    bind(insert, payload);
                    insert.executeUpdate();
                }
                return 1;
            });
            db.setAutoCommit(false);
            batchedRows = rate(each, () -> {
                try (var insert = db.prepareStatement(INSERT)) {
                    for (int i = 0; i < 100; i++) {
                        bind(insert, payload);
                        insert.addBatch();
                    }
                    insert.executeBatch();
                }
                db.commit();
                return 100;
            });
            db.createStatement().execute("drop table bench_rows");
            db.commit();
        }
        double produced;
        try (var producer = new KafkaProducer<>(
                Map.<String, Object>of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        platform.kafkaBootstrapServers(),
                        ProducerConfig.ACKS_CONFIG,
                        "all",
                        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                        true),
                new StringSerializer(),
                new ByteArraySerializer())) {
            produced = rate(each, () -> {
                var sends = new ArrayList<Future<?>>();
                for (int i = 0; i < 100; i++) {
                    sends.add(producer.send(new ProducerRecord<>(
                            "bench.baseline", UUID.randomUUID().toString(), payload)));
                }
                for (var sent : sends) {
                    sent.get();
                }
                return 100;
            });
        }
        double inserts;
        double journaledInserts;
        try (var mongo = MongoClients.create(platform.mongoUri())) {
            var collection = mongo.getDatabase("bench").getCollection("rows");
            String text = new String(payload, StandardCharsets.US_ASCII);
            inserts = rate(each, () -> {
                collection.insertOne(new Document("order", UUID.randomUUID().toString()).append("payload", text));
                return 1;
            });
            var journaled = collection.withWriteConcern(WriteConcern.JOURNALED);
            journaledInserts = rate(each, () -> {
                journaled.insertOne(new Document("order", UUID.randomUUID().toString()).append("payload", text));
                return 1;
            });
            mongo.getDatabase("bench").drop();
        }
        return new Baselines(singleRowCommits, batchedRows, produced, inserts, journaledInserts);
    }

    private static void bind(PreparedStatement insert, byte[] payload) throws Exception {
        insert.setString(1, UUID.randomUUID().toString());
        insert.setString(2, "io.orderflow.api.order.OrderPlacedEvent");
        insert.setBytes(3, payload);
        insert.setString(4, Instant.now().toString());
    }

    /** Units of work done per second, doing it over and over for the time given. */
    private static double rate(Duration time, Work work) throws Exception {
        long done = 0;
        long start = System.nanoTime();
        long end = start + time.toNanos();
        while (System.nanoTime() < end) {
            done += work.run();
        }
        return Percentiles.oneDecimal(done / ((System.nanoTime() - start) / 1e9));
    }
}
