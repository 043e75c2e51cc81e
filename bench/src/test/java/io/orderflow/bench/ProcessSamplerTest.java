package io.orderflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

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
    void aProcessThatIsGoneLeavesNothingMeasured() throws Exception {
        Process ended = new ProcessBuilder("true").start();
        ended.waitFor();

        ProcessSampler.Usage usage =
                ProcessSampler.start(ended.pid(), Duration.ofMillis(10)).stop();

        assertThat(usage).isEqualTo(new ProcessSampler.Usage(0, 0));
    }
}
