package io.orderflow.query.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How read-model writes are made durable.
 *
 * @param journalEveryWrite make every read-model write wait for MongoDB's journal ({@code j: true}), not only the
 *                          checkpoint that ends each projection batch; slower, and no safer, since the checkpoint
 *                          already covers the batch's writes ({@code orderflow.read-models.journal-every-write})
 */
@ConfigurationProperties("orderflow.read-models")
public record ReadModelProperties(@DefaultValue("false") boolean journalEveryWrite) {}
