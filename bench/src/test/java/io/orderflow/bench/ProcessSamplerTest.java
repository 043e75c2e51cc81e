package io.orderflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessSamplerTest {

    @Test
    void readsTheResidentMemoryAndCpuTimeOfARunningProcess() throws Exception {
        var sampler = ProcessSampler.start(ProcessHandle.current().pid(), Duration.ofMillis(50));
        long end = System.nanoTime() + Duration.ofMillis(600).toNanos();
        long spins = 0;
        while (System.nanoTime() < end) {
            spins++;
        }

        ProcessSampler.Usage usage = sampler.stop();

        assertThat(spins).isPositive();
        assertThat(usage.residentMiBMax()).as("this JVM's resident memory").isGreaterThan(20);
        // one thread spun all the time: at least part of a core was busy (a shared machine may give it less than one)
        assertThat(usage.cpuCoresAverage()).isPositive();
    }

    @Test
    void countsTheCpuTimeOfTheProcesssDescendants() throws Exception {
        // an idle parent whose child spins: PostgreSQL's postmaster and its backends look like this
        Process parent = new ProcessBuilder("sh", "-c", "timeout 3 sh -c 'while :; do :; done'; sleep 1").start();
        try {
            var sampler = ProcessSampler.start(parent.pid(), Duration.ofMillis(50));
            Thread.sleep(1000);

            ProcessSampler.Usage usage = sampler.stop();

            assertThat(usage.cpuCoresAverage()).as("the spinning child's CPU").isGreaterThanOrEqualTo(0.2);
            assertThat(usage.jitCpuSeconds()).as("no JVM, no JIT").isZero();
        } finally {
            parent.descendants().forEach(ProcessHandle::destroyForcibly);
            parent.destroyForcibly();
        }
    }

    @Test
    void tellsTheJitCompilersShareApart(@TempDir Path source) throws Exception {
        // a JVM that compiles every method before it first runs it, here javac's as it compiles a class: most of its
        // CPU is its compiler thread's
        Path program =
                Files.writeString(source.resolve("Idle.java"), "class Idle { public static void main(String[] a) {} }");
        String java = ProcessHandle.current().info().command().orElseThrow();
        Process jvm = new ProcessBuilder(java, "-Xcomp", "-XX:TieredStopAtLevel=1", program.toString())
                .inheritIO()
                .start();
        var sampler = ProcessSampler.start(jvm.pid(), Duration.ofMillis(20));
        Thread.sleep(1000);

        ProcessSampler.Usage usage = sampler.stop();
        jvm.waitFor();

        assertThat(usage.jitCpuSeconds()).isPositive().isLessThanOrEqualTo(usage.cpuSeconds());
        assertThat(usage.jitCpuSeconds() / usage.cpuSeconds())
                .as("the compiler thread's share")
                .isGreaterThan(0.3);
    }

    @Test
    void aProcessThatIsGoneLeavesNothingMeasured() throws Exception {
        Process ended = new ProcessBuilder("true").start();
        ended.waitFor();

        ProcessSampler.Usage usage =
                ProcessSampler.start(ended.pid(), Duration.ofMillis(10)).stop();

        assertThat(usage).isEqualTo(new ProcessSampler.Usage(0, 0, 0, 0));
    }
}
