package io.orderflow.api.integration;

/** Asks for one history export and how far it got; answers an optional {@link HistoryExportView}. */
public record FindHistoryExportQuery(String exportId) {}
