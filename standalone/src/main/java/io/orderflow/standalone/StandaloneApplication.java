package io.orderflow.standalone;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Every module of OrderFlow in one Spring application; started through {@link StandalonePlatform}. */
@SpringBootApplication(scanBasePackages = "io.orderflow")
public class StandaloneApplication {

    public static void main(String[] args) {
        var platform = new StandalonePlatform();
        // registered before anything starts, so SIGTERM during start-up still stops the embedded servers
        Runtime.getRuntime().addShutdownHook(new Thread(platform::close, "orderflow-shutdown"));
        platform.run(args);
    }
}
