package io.orderflow.api.operations;

/**
 * Rebuilds a projection's read model from the whole event store while the platform keeps running. Only the
 * query side's projections can be replayed; sagas never are.
 */
public record ReplayProjectionCommand(String projection) {}
