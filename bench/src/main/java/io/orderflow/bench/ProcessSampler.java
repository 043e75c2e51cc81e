package io.orderflow.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** Resident memory and CPU time of a process, read from {@code /proc} at a fixed interval until stopped. */
final class ProcessSampler implements AutoCloseable {

    /** Clock ticks per second of {@code /proc/<pid>/stat}'s CPU times (USER_HZ, 100 on Linux). */
    private static final double TICKS_PER_SECOND = 100.0;

    /**
     * What the samples showed.
     *
     * @param residentMiBMax the most resident memory seen
     * @param cpuCoresAverage CPU seconds over wall seconds between the first and the last sample
     */
    record Usage(long residentMiBMax, double cpuCoresAverage) {}

    private final long pid;
    private final Duration interval;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long maxResidentKiB;
    private volatile long firstTicks = -1;
    private volatile long lastTicks;
    private volatile long firstAt;
    private volatile long lastAt;

    private ProcessSampler(long pid, Duration interval) {
        this.pid = pid;
        this.interval = interval;
        this.thread = new Thread(this::sampleUntilStopped, "process-sampler-" + pid);
        thread.setDaemon(true);
    }

    /** Starts sampling the process at once and then at every interval. */
    static ProcessSampler start(long pid, Duration interval) {
        var sampler = new ProcessSampler(pid, interval);
        sampler.thread.start();
        return sampler;
    }

    /** Stops sampling (taking one last sample) and answers what the samples showed. */
    Usage stop() throws InterruptedException {
        running = false;
        thread.interrupt();
        thread.join(2000);
        sample();
        double seconds = (lastAt - firstAt) / 1e9;
        double cores = firstTicks < 0 || seconds <= 0 ? 0 : (lastTicks - firstTicks) / TICKS_PER_SECOND / seconds;
        return new Usage(maxResidentKiB / 1024, Percentiles.oneDecimal(cores));
    }

    @Override
    public void close() throws InterruptedException {
        if (running) {
            stop();
        }
    }

    private void sampleUntilStopped() {
        while (running) {
            sample();
            try {
                Thread.sleep(interval.toMillis());
            } catch (InterruptedException stopped) {
                return;
            }
        }
    }

    private synchronized void sample() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    maxResidentKiB = Math.max(maxResidentKiB, Long.parseLong(line.replaceAll("\\D", "")));
                }
            }
            // the fields after the command name, which may hold spaces and parentheses: utime and stime are the 12th
            // and 13th
            String line = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] stat = line.substring(line.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(stat[11]) + Long.parseLong(stat[12]);
            long now = System.nanoTime();
            if (firstTicks < 0) {
                firstTicks = ticks;
                firstAt = now;
            }
            lastTicks = ticks;
            lastAt = now;
        } catch (IOException | RuntimeException gone) {
            // the process has ended: the samples taken so far stand
        }
    }
}
