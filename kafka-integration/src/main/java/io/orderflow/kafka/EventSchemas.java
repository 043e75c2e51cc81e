package io.orderflow.kafka;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;

/**
 * The JSON Schemas of the event types, as core-api ships them under {@code schemas/<type>.json}: the contract of
 * what OrderFlow publishes and of what it accepts.
 */
public final class EventSchemas {

    private static final SchemaRegistry REGISTRY =
            SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private static final Map<String, Optional<Schema>> SCHEMAS = new ConcurrentHashMap<>();

    private EventSchemas() {}

    /** Whether core-api has a schema for the type. */
    public static boolean known(String type) {
        return schema(type).isPresent();
    }

    /**
     * What is wrong with the data for its type: empty when it is valid.
     *
     * @throws IllegalArgumentException for a type without a schema
     */
    public static List<String> problems(String type, JsonNode data) {
        Schema schema = schema(type).orElseThrow(() -> new IllegalArgumentException("no schema for type " + type));
        return schema.validate(data).stream().map(Error::toString).toList();
    }

    private static Optional<Schema> schema(String type) {
        return SCHEMAS.computeIfAbsent(type, name -> {
            if (!name.matches("[a-z0-9.-]{1,120}")) {
                return Optional.empty();
            }
            try (InputStream source = EventSchemas.class.getResourceAsStream("/schemas/" + name + ".json")) {
                return source == null ? Optional.empty() : Optional.of(REGISTRY.getSchema(source));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
