package io.orderflow.standalone.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Loopback ports for servers that must be told their port before they bind it, such as the embedded Kafka
 * controller named in its own quorum.
 *
 * <p>A port the system hands out for {@code bind(0)} comes from its ephemeral range, the same range it takes the
 * local ports of outgoing connections from. Between choosing such a port and the server binding it, any connection
 * this machine opens may take it, and the server then fails to start (for Kafka's controller, by ending the
 * process). A port below the ephemeral range is never taken that way; only a server binding it explicitly could.
 * Nor is a port handed out twice by one JVM, whose servers (several platforms side by side in a test run, or the
 * parts of one platform starting together) may not have bound theirs yet.
 */
public final class FreePorts {

    private static final int LOWEST = 10_000;
    /** The start of the ephemeral range where the system does not say: IANA's, used by Windows and macOS. */
    private static final int IANA_EPHEMERAL_START = 49_152;

    private static final Path LINUX_EPHEMERAL_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
    private static final int ATTEMPTS = 200;
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    private FreePorts() {}

    /** A loopback port, below the ephemeral range, that nothing listens on at this moment. */
    public static int any() {
        int end = ephemeralStart();
        var random = ThreadLocalRandom.current();
        for (int attempt = 0; attempt < ATTEMPTS && end > LOWEST; attempt++) {
            int port = random.nextInt(LOWEST, end);
            if (bindable(port) && HANDED_OUT.add(port)) {
                return port;
            }
        }
        // a system whose ephemeral range starts very low: take what it offers
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free loopback port", e);
        }
    }

    private static boolean bindable(int port) {
        try (var socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException taken) {
            return false;
        }
    }

    private static int ephemeralStart() {
        try {
            // readString would see one byte: procfs reports its files as empty
            String range = Files.readAllLines(LINUX_EPHEMERAL_RANGE).get(0).trim();
            return Integer.parseInt(range.split("\\s+")[0]);
        } catch (IOException | RuntimeException notLinux) {
            return IANA_EPHEMERAL_START;
        }
    }
}
