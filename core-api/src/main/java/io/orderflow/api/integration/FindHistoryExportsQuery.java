package io.orderflow.api.integration;

/** Asks for the history exports since the platform started, newest first; answers a list of {@link HistoryExportView}. */
public record FindHistoryExportsQuery() {}
