package io.orderflow.standalone.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import org.junit.jupiter.api.Test;

class FreePortsTest {

    @Test
    void aFreePortLiesBelowTheRangeOutgoingConnectionsTakeTheirPortsFromAndCanBeBound() throws Exception {
        Path range = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
        int ephemeralStart = Files.exists(range)
                ? Integer.parseInt(Files.readAllLines(range).get(0).trim().split("\\s+")[0])
                : 49_152;

        for (int i = 0; i < 20; i++) {
            int port = FreePorts.any();
            assertThat(port).isBetween(10_000, ephemeralStart - 1);
            try (var server = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                assertThat(server.getLocalPort()).isEqualTo(port);
            }
        }
    }

    @Test
    void aPortIsNotHandedOutTwiceWhileItsServerMayNotHaveBoundItYet() {
        var handedOut = new HashSet<Integer>();
        for (int i = 0; i < 2_000; i++) {
            assertThat(handedOut.add(FreePorts.any()))
                    .as("port handed out again")
                    .isTrue();
        }
    }
}
