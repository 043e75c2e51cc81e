package io.orderflow.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The highest order rate a platform keeps up with. The offered rate rises step by step (by half each time, from 4
 * orders/s) until orders no longer keep up: more than one in a hundred not delivered soon after the load, p99 from
 * POST to {@code DELIVERED} over {@link #MAX_P99_MILLIS}, or more than one in a hundred finding every connection
 * busy (from a first rate not kept up with, it falls the same way). The gap between the last step kept up with and the first one not is then halved until it is within a
 * twentieth of the rate; the highest rate kept up with is held for the confirmation's duration (60 s), stepping down
 * until a rate holds. After each step its backlog drains (up to 3 min) before the next starts. The platform is the
 * same throughout: its store grows from step to step, as a shop's does.
 */
final class Capacity {

    static final double MAX_P99_MILLIS = 1000;
    static final double MAX_SHARE_BEHIND = 0.01;
    /** Orders that keep up are delivered within a second or two; this is how long a step waits for its last ones. */
    static final Duration SETTLING = Duration.ofSeconds(10);
    /** How long a step's backlog may take to drain before the next step starts regardless. */
    static final Duration DRAIN = Duration.ofMinutes(3);
    /** A warm-up's rounds after its minimum, each judged by the JIT's share of the CPU in it. */
    static final Duration WARM_UP_ROUND = Duration.ofSeconds(30);

    /** A running platform the search drives. */
    interface Target {
        String url();

        /** The operators' firehose, signed in now. */
        Firehose firehose() throws Exception;

        /** The processes whose CPU counts: the platform's JVMs and PostgreSQL's postmaster with its backends. */
        List<Long> pids();

        /** Makes sure each product has at least the units in stock, so the next step cannot sell out. */
        void stock(List<String> products, int units) throws Exception;
    }

    /**
     * One rate held for a while, and how the platform took it.
     *
     * @param offeredPerSecond the rate orders were sent at
     * @param cpuCores the platform's processes (JVM and PostgreSQL) on average over the step and its settling
     * @param cpuMillisPerDeliveredOrder CPU time of those processes per order delivered in the step, from
     *     its first order on (the load generator's sign-up of its customers left out)
     * @param jitShare the share of that CPU time the JVMs' JIT compilers took
     * @param residentMiBMax the platform JVM's largest resident memory (the first pid's)
     * @param fellBehind why the platform did not keep up, or null when it did
     */
    record Step(
            double offeredPerSecond,
            double seconds,
            long ordersSent,
            int ordersNotSent,
            int ordersAccepted,
            int ordersDelivered,
            Percentiles toPaidMillis,
            Percentiles toDeliveredMillis,
            Percentiles acceptMillis,
            double cpuCores,
            double cpuMillisPerDeliveredOrder,
            double jitShare,
            long residentMiBMax,
            String fellBehind) {

        boolean keptUp() {
            return fellBehind == null;
        }
    }

    /**
     * The search's outcome.
     *
     * @param ordersPerSecond the highest rate sustained for the confirmation's duration; 0 when none was
     * @param sustained that rate's confirmation step; null when none held
     * @param steps every step, in the order run (the confirmations last)
     */
    record Figures(double ordersPerSecond, Step sustained, List<Step> steps) {}

    private final Map<String, String> options;
    private final List<String> products;

    /**
     * @param options {@code --capacity-from} (first rate, 4), {@code --capacity-growth} (each step's rate over the
     *     last one's, 1.5),
     *     {@code --capacity-step-duration} (30s), {@code --capacity-confirm} (60s), {@code --capacity-warm-up} (2m,
     *     then 30 s more at a time while the JIT compilers took more than {@code --capacity-warm-up-jit} (0.05) of
     *     the platform's CPU, up to {@code --capacity-warm-up-max} (10m) in all: a fresh platform's JIT compilers
     *     took 0.9 of a core at 14 orders/s for the first 4 minutes of load), {@code --concurrency} and the load
     *     generator's other options
     */
    Capacity(Map<String, String> options, List<String> products) {
        this.options = options;
        this.products = List.copyOf(products);
    }

    Figures find(Target target) throws Exception {
        double from = number("capacity-from", 4);
        double growth = number("capacity-growth", 1.5);
        Duration stepDuration = duration("capacity-step-duration", "30s");
        var steps = new ArrayList<Step>();
        warmUp(target, from);
        Double kept = null;
        double failed;
        for (double rate = from; ; rate = Math.round(rate * growth)) {
            Step step = run(target, rate, stepDuration, "step");
            steps.add(step);
            if (!step.keptUp()) {
                failed = rate;
                break;
            }
            kept = rate;
        }
        // a platform that does not keep up with the first rate: lower rates until one is kept up with
        for (double rate = Math.floor(failed / growth); kept == null && rate >= 1; rate = Math.floor(rate / growth)) {
            Step step = run(target, rate, stepDuration, "step");
            steps.add(step);
            if (step.keptUp()) {
                kept = rate;
            } else {
                failed = rate;
            }
        }
        // halving the gap until it is within a twentieth of the rate (and at least one order/s)
        while (kept != null && failed - kept > Math.max(1, kept / 20)) {
            double between = Math.floor((kept + failed) / 2);
            Step step = run(target, between, stepDuration, "step");
            steps.add(step);
            if (step.keptUp()) {
                kept = between;
            } else {
                failed = between;
            }
        }
        Duration confirm = duration("capacity-confirm", "60s");
        for (int attempt = 0; kept != null && kept >= 1 && attempt < 3; attempt++) {
            Step step = run(target, kept, confirm, "confirmation");
            steps.add(step);
            if (step.keptUp()) {
                return new Figures(kept, step, steps);
            }
            kept = Math.floor(kept / Math.sqrt(growth));
        }
        return new Figures(0, null, steps);
    }

    /**
     * Load at the first rate, not counted, until the JIT compilers have done most of their work: the minimum, then
     * {@link #WARM_UP_ROUND} at a time while they took more than the allowed share of the platform's CPU. The figures
     * are those of the platform as it runs for days, not of a JVM still compiling its hot paths.
     */
    private void warmUp(Target target, double rate) throws Exception {
        long started = System.nanoTime();
        Duration most = duration("capacity-warm-up-max", "10m");
        double jitShare = number("capacity-warm-up-jit", 0.05);
        Step round = run(target, rate, duration("capacity-warm-up", "2m"), "warm-up");
        while (round.jitShare() > jitShare && System.nanoTime() - started < most.toNanos()) {
            round = run(target, rate, WARM_UP_ROUND, "warm-up");
        }
    }

    /** The rate held for the confirmation's duration, judged like a step. */
    Step hold(Target target, double rate) throws Exception {
        return run(target, rate, duration("capacity-confirm", "60s"), "hold");
    }

    private Step run(Target target, double rate, Duration duration, String kind) throws Exception {
        int units = (int) Math.ceil(rate * duration.toSeconds() * 1.5 / products.size()) + 100;
        target.stock(products, units);
        var loadOptions = new HashMap<>(options);
        loadOptions.put("url", target.url());
        loadOptions.put("rate", Double.toString(rate));
        loadOptions.put("duration", duration.toSeconds() + "s");
        loadOptions.put("products", String.join(",", products));
        try (Firehose firehose = target.firehose()) {
            var samplers = new ArrayList<ProcessSampler>();
            // from the first order on: the customers' sign-up (a BCrypt hash each) is not the orders' work
            LoadRun load = LoadRun.of(
                    loadOptions,
                    firehose,
                    SETTLING,
                    DRAIN,
                    () -> target.pids().forEach(pid -> samplers.add(ProcessSampler.start(pid, Duration.ofSeconds(1)))));
            var usages = new ArrayList<ProcessSampler.Usage>();
            for (ProcessSampler sampler : samplers) {
                usages.add(sampler.stop());
            }
            Step step = judge(rate, load, usages);
            System.out.printf(
                    "capacity %s at %.1f orders/s: %s (%.0f ms of CPU per delivered order, %.0f%% of it the JIT's)%n",
                    kind,
                    rate,
                    step.keptUp() ? "kept up" : "fell behind: " + step.fellBehind(),
                    step.cpuMillisPerDeliveredOrder(),
                    step.jitShare() * 100);
            return step;
        }
    }

    /** How the platform took the load, and whether it kept up. */
    static Step judge(double rate, LoadRun load, List<ProcessSampler.Usage> usages) {
        OrderOutcomes orders = load.orders();
        double cores = usages.stream()
                .mapToDouble(ProcessSampler.Usage::cpuCoresAverage)
                .sum();
        double cpuSeconds =
                usages.stream().mapToDouble(ProcessSampler.Usage::cpuSeconds).sum();
        double jitSeconds =
                usages.stream().mapToDouble(ProcessSampler.Usage::jitCpuSeconds).sum();
        int delivered = orders.ordersDelivered();
        var figures = load.sent();
        return new Step(
                rate,
                Percentiles.oneDecimal(load.seconds()),
                figures.ordersSent(),
                figures.ordersNotSentAllConnectionsBusy(),
                orders.ordersAccepted(),
                delivered,
                orders.toPaidMillis(),
                orders.toDeliveredMillis(),
                figures.acceptMillis(),
                Percentiles.oneDecimal(cores),
                delivered == 0 ? 0 : Percentiles.oneDecimal(cpuSeconds * 1000 / delivered),
                cpuSeconds == 0 ? 0 : Math.round(jitSeconds / cpuSeconds * 1000) / 1000.0,
                usages.isEmpty() ? 0 : usages.get(0).residentMiBMax(),
                fellBehind(figures, orders));
    }

    /** Why a step's orders did not keep up, or null when they did. */
    static String fellBehind(LoadGenerator.Figures sent, OrderOutcomes orders) {
        long tried = sent.ordersSent() + sent.ordersNotSentAllConnectionsBusy();
        if (sent.ordersNotSentAllConnectionsBusy() > MAX_SHARE_BEHIND * tried) {
            return sent.ordersNotSentAllConnectionsBusy() + " of " + tried + " orders found every connection busy";
        }
        if (orders.ordersAccepted() < sent.ordersSent() * (1 - MAX_SHARE_BEHIND)) {
            return "only " + orders.ordersAccepted() + " of " + sent.ordersSent() + " orders accepted: "
                    + sent.responses();
        }
        int undelivered = orders.ordersAccepted() - orders.ordersDelivered();
        if (undelivered > MAX_SHARE_BEHIND * orders.ordersAccepted()) {
            return undelivered + " of " + orders.ordersAccepted() + " accepted orders not delivered "
                    + SETTLING.toSeconds() + " s after the load";
        }
        if (orders.toDeliveredMillis().p99() > MAX_P99_MILLIS) {
            return "p99 from POST to DELIVERED " + orders.toDeliveredMillis().p99() + " ms";
        }
        return null;
    }

    private double number(String name, double otherwise) {
        return options.containsKey(name) ? Double.parseDouble(options.get(name)) : otherwise;
    }

    private Duration duration(String name, String otherwise) {
        return Duration.parse("PT" + options.getOrDefault(name, otherwise).toUpperCase());
    }
}
