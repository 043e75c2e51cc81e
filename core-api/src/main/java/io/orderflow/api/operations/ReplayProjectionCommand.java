package io.orderflow.api.operations;

/**
 * Rebuilds a projection's read model from the whole event store while the platform keeps running: one projection
 * by its name, or all of them by their processor's ({@code read-models}). Only the query side's projections can be
 * replayed; sagas never are.
 */
public record ReplayProjectionCommand(String projection) {}
