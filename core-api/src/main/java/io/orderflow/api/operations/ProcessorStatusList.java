package io.orderflow.api.operations;

import java.util.List;

/** The state of every event processor. A record, not a bare list, so that the answer keeps its element type across Axon Server. */
public record ProcessorStatusList(List<ProcessorStatus> processors) {

    public ProcessorStatusList {
        processors = List.copyOf(processors);
    }
}
