package io.orderflow.api.operations;

/** Tries the parked events of a projection again, sequence by sequence; answers how many sequences now succeeded. */
public record RetryDeadLettersCommand(String projection) {}
