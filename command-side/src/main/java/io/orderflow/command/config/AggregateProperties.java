package io.orderflow.command.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How aggregates are loaded for a command.
 *
 * @param cache             keep loaded aggregates in memory between commands (Axon's {@code WeakReferenceCache}),
 *                          so the next command on the same order or product neither reads nor replays its events;
 *                          a failed command evicts its aggregate, and the collector frees what memory needs
 *                          ({@code orderflow.aggregates.cache})
 * @param snapshotThreshold a product's stock changes twice per order it serves, so its history grows without end;
 *                          after this many events are read to load one, a snapshot is stored and later loads start
 *                          from it; 0 turns snapshots off ({@code orderflow.aggregates.snapshot-threshold})
 */
@ConfigurationProperties("orderflow.aggregates")
public record AggregateProperties(
        @DefaultValue("true") boolean cache,

        @DefaultValue(AggregateProperties.DEFAULT_SNAPSHOT_THRESHOLD)
        int snapshotThreshold) {

    /** Events read to load a product before it is snapshotted, unless set otherwise. */
    public static final String DEFAULT_SNAPSHOT_THRESHOLD = "100";
}
