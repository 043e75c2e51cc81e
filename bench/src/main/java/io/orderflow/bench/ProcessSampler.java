package io.orderflow.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Resident memory and CPU time of a process, read from {@code /proc} at a fixed interval until stopped. The CPU time
 * is the whole process tree's: the process, the children it has reaped, and its living descendants (PostgreSQL's
 * postmaster and its backends). Of a JVM, the share its JIT compilers' threads took is told apart: a fresh JVM
 * compiles its hot paths for minutes, and CPU spent so is not the platform's cost per order.
 */
final class ProcessSampler implements AutoCloseable {

    /** Clock ticks per second of {@code /proc/<pid>/stat}'s CPU times (USER_HZ, 100 on Linux). */
    private static final double TICKS_PER_SECOND = 100.0;

    /**
     * What the samples showed.
     *
     * @param residentMiBMax the most resident memory seen
     * @param cpuCoresAverage CPU seconds over wall seconds between the first and the last sample
     * @param cpuSeconds CPU seconds between the first and the last sample
     * @param jitCpuSeconds of those, the process's JIT compiler threads' ({@code C1 CompilerThread0} and the like; 0
     *     for a process that is not a JVM)
     */
    record Usage(long residentMiBMax, double cpuCoresAverage, double cpuSeconds, double jitCpuSeconds) {}

    private final long pid;
    private final Duration interval;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long maxResidentKiB;
    private volatile long firstTicks = -1;
    private volatile long lastTicks;
    private volatile long firstJitTicks;
    private volatile long lastJitTicks;
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
        double cpuSeconds = firstTicks < 0 ? 0 : (lastTicks - firstTicks) / TICKS_PER_SECOND;
        double jitSeconds = firstTicks < 0 ? 0 : (lastJitTicks - firstJitTicks) / TICKS_PER_SECOND;
        return new Usage(
                maxResidentKiB / 1024,
                Percentiles.oneDecimal(cores),
                Percentiles.oneDecimal(cpuSeconds),
                Percentiles.oneDecimal(jitSeconds));
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

    /** User and system time of the process, with that of its reaped children when asked, in clock ticks. */
    private static long cpuTicks(long pid, boolean withReapedChildren) {
        try {
            String[] stat = fieldsAfterCommand(Path.of("/proc/" + pid + "/stat"));
            long own = Long.parseLong(stat[11]) + Long.parseLong(stat[12]);
            return withReapedChildren ? own + Long.parseLong(stat[13]) + Long.parseLong(stat[14]) : own;
        } catch (IOException gone) {
            if (withReapedChildren) {
                throw new IllegalStateException("process " + pid + " has ended", gone);
            }
            // a descendant that ended between listing and reading: its time goes to its parent once reaped
            return 0;
        }
    }

    /**
     * The fields of a {@code stat} file after the command name, which may hold spaces and parentheses: utime, stime,
     * cutime and cstime are the 12th to the 15th.
     */
    private static String[] fieldsAfterCommand(Path stat) throws IOException {
        String line = Files.readString(stat);
        return line.substring(line.lastIndexOf(')') + 2).split(" ");
    }

    /**
     * User and system time of the process's JIT compiler threads, in clock ticks. HotSpot names them {@code C1
     * CompilerThreadN} and {@code C2 CompilerThreadN} ({@code /proc} keeps the first 15 characters); with two cores it
     * runs one of each for the JVM's life (a compiler thread that ends would take its time with it).
     */
    private static long jitTicks(long pid) throws IOException {
        long ticks = 0;
        try (var tasks = Files.newDirectoryStream(Path.of("/proc/" + pid + "/task"))) {
            for (Path task : tasks) {
                try {
                    if (Files.readString(task.resolve("comm")).matches("C\\d CompilerThre(?s).*")) {
                        String[] stat = fieldsAfterCommand(task.resolve("stat"));
                        ticks += Long.parseLong(stat[11]) + Long.parseLong(stat[12]);
                    }
                } catch (IOException ended) {
                    // a thread that ended between listing and reading
                }
            }
        }
        return ticks;
    }

    private synchronized void sample() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    maxResidentKiB = Math.max(maxResidentKiB, Long.parseLong(line.replaceAll("\\D", "")));
                }
            }
            long ticks = cpuTicks(pid, true)
                    + ProcessHandle.of(pid).stream()
                            .flatMap(ProcessHandle::descendants)
                            .mapToLong(child -> cpuTicks(child.pid(), false))
                            .sum();
            long jit = jitTicks(pid);
            long now = System.nanoTime();
            if (firstTicks < 0) {
                firstTicks = ticks;
                firstJitTicks = jit;
                firstAt = now;
            }
            lastTicks = ticks;
            lastJitTicks = jit;
            lastAt = now;
        } catch (IOException | RuntimeException gone) {
            // the process has ended: the samples taken so far stand
        }
    }
}
