package io.orderflow.bench;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Where a launched platform's PostgreSQL, Kafka and MongoDB listen, as its ready line says. */
record PlatformAddresses(String jdbcUrl, String kafkaBootstrapServers, String mongoUri) {

    private static final Pattern READY =
            Pattern.compile("OrderFlow ready in [0-9.]+ s: .* PostgreSQL (\\S+) \\| Kafka (\\S+) \\| MongoDB (\\S+)");

    /** The addresses in a line of the platform's output, if it is the ready line. */
    static Optional<PlatformAddresses> inReadyLine(String line) {
        Matcher ready = READY.matcher(line);
        return ready.find()
                ? Optional.of(new PlatformAddresses(ready.group(1), ready.group(2), ready.group(3)))
                : Optional.empty();
    }
}
