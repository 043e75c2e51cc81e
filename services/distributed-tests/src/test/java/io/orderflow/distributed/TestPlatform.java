package io.orderflow.distributed;

import io.orderflow.bench.DistributedPlatform;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/** A test class's distributed platform, its logs kept under {@code target/distributed/<class>/}. */
final class TestPlatform {

    private TestPlatform() {}

    /** Axon Server started or purged for the test class; the class is skipped when no server is given. */
    static DistributedPlatform of(Class<?> test) throws Exception {
        Assumptions.assumeTrue(
                DistributedPlatform.axonServerGiven(),
                "distributed tests skipped: " + DistributedPlatform.NO_AXON_SERVER);
        return DistributedPlatform.withAxonServer(Path.of("target", "distributed", test.getSimpleName()));
    }
}
