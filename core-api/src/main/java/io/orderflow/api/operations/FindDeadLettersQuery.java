package io.orderflow.api.operations;

/** Asks for the events parked in the projections' dead-letter queues; answers a list of {@link DeadLetterView}. */
public record FindDeadLettersQuery() {}
