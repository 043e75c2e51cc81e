package io.orderflow.api.integration;

import java.util.List;

/** Every history export, newest first. A record, not a bare list, so that the answer keeps its element type across Axon Server. */
public record HistoryExportList(List<HistoryExportView> exports) {

    public HistoryExportList {
        exports = List.copyOf(exports);
    }
}
