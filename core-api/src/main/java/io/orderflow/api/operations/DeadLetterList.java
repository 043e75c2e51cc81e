package io.orderflow.api.operations;

import java.util.List;

/** The dead letters of every projection. A record, not a bare list, so that the answer keeps its element type across Axon Server. */
public record DeadLetterList(List<DeadLetterView> deadLetters) {

    public DeadLetterList {
        deadLetters = List.copyOf(deadLetters);
    }
}
