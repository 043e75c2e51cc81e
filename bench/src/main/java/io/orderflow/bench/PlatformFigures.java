package io.orderflow.bench;

/**
 * What one platform did under the benchmark's load.
 *
 * @param eventsStoredPerSecond events the platform stored per second while the load ran
 * @param replayEventsPerSecond the order projection's replay rate over the run's store; null when not measured
 * @param baselines the machine's baselines on this platform's infrastructure; null when not measured
 * @param longLivedProduct commands on a product with a long history; null when not measured
 */
public record PlatformFigures(
        LoadGenerator.Figures load,
        OrderOutcomes orders,
        double eventsStoredPerSecond,
        ProcessSampler.Usage usage,
        Double replayEventsPerSecond,
        MachineBaselines.Baselines baselines,
        LongLivedProduct.Figures longLivedProduct) {}
