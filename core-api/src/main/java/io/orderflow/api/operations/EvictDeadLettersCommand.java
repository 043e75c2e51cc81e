package io.orderflow.api.operations;

/** Drops a projection's parked sequence for good; answers how many events were dropped. */
public record EvictDeadLettersCommand(String projection, String sequence) {}
