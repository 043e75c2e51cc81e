package io.orderflow.bench;

import io.orderflow.standalone.StandalonePlatform;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryGateway;

/**
 * Measures how fast the Kafka publisher takes a backlog onto Kafka: fills the event store of a fresh standalone
 * platform with complete order histories while no processor runs, then starts the publisher alone and times it to
 * the end of the store. With settings given, the same run alternates the platform as shipped with one started with
 * them (what a tuning replaced), twice each, and prints the ratio. Run it with {@code java
 * -Dloader.path=bench/target/orderflow-bench.jar -Dloader.main=io.orderflow.bench.PublisherBenchmark -cp
 * standalone/target/orderflow-standalone.jar org.springframework.boot.loader.launch.PropertiesLauncher [orders, 500
 * by default] [--name=value ... of the platform before]}.
 */
public final class PublisherBenchmark {

    private static final int ROUNDS = 2;

    public static void main(String[] args) throws Exception {
        int orders = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        List<String> before = List.of(args).subList(Math.min(1, args.length), args.length);
        List<Double> beforeRates = new ArrayList<>();
        List<Double> shippedRates = new ArrayList<>();
        try {
            for (int round = 0; round < ROUNDS; round++) {
                if (!before.isEmpty()) {
                    beforeRates.add(eventsPublishedPerSecond(orders, before));
                }
                shippedRates.add(eventsPublishedPerSecond(orders, List.of()));
            }
            if (!before.isEmpty()) {
                report("before: " + String.join(" ", before), beforeRates);
            }
            report("as shipped", shippedRates);
            if (!before.isEmpty()) {
                System.out.printf(
                        "[bench] publisher as shipped / before: %.2fx%n", mean(shippedRates) / mean(beforeRates));
            }
        } finally {
            System.exit(0);
        }
    }

    private static double eventsPublishedPerSecond(int orders, List<String> settings) throws Exception {
        var args = new ArrayList<>(List.of(
                "--orderflow.data-dir=" + Files.createTempDirectory("orderflow-publisher-benchmark"),
                "--server.port=0",
                "--logging.level.root=WARN"));
        args.addAll(settings);
        try (var platform = StandalonePlatform.start(args.toArray(String[]::new))) {
            var context = platform.context();
            EventProcessingConfiguration processing =
                    context.getBean(Configuration.class).eventProcessingConfiguration();
            processing.eventProcessors().values().forEach(EventProcessor::shutDown);
            ReplayBenchmark.fill(context.getBean(EventStore.class), context.getBean(TransactionManager.class), orders);
            String publisher = context.getEnvironment().getRequiredProperty("axon.kafka.publisher.processing-group");
            QueryGateway queries = context.getBean(QueryGateway.class);
            long head = ReplayBenchmark.status(queries).get(0).head();

            long start = System.nanoTime();
            processing.eventProcessor(publisher).orElseThrow().start();
            ReplayBenchmark.awaitCaughtUp(queries, List.of(publisher));
            double rate = head / ReplayBenchmark.seconds(start);
            System.out.printf("[bench] publisher %s: %d events onto Kafka at %.0f events/s%n", settings, head, rate);
            return rate;
        }
    }

    private static void report(String label, List<Double> rates) {
        System.out.printf(
                "[bench] publisher, %s: %s events/s, mean %.0f%n",
                label, rates.stream().map(rate -> "%.0f".formatted(rate)).toList(), mean(rates));
    }

    private static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }
}
