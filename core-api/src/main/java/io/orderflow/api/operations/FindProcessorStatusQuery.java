package io.orderflow.api.operations;

/** Asks for the status of every event processor; answers a list of {@link ProcessorStatus}. */
public record FindProcessorStatusQuery() {}
