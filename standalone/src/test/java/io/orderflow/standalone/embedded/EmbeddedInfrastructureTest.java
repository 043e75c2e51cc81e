package io.orderflow.standalone.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClients;
import io.orderflow.standalone.StartFailure;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A part's port taken by a neighbour between being chosen and being bound: a port OrderFlow chose itself is chosen
 * again, a configured one ends the start naming its setting.
 */
class EmbeddedInfrastructureTest {

    @TempDir
    Path directory;

    private final List<ServerSocket> neighbours = new ArrayList<>();

    @Test
    void aChosenPortTakenBeforeThePartBindsItGivesThePartAnother() throws Exception {
        var tried = new ArrayList<Integer>();
        try (var mongo =
                        EmbeddedInfrastructure.onFreePort(null, "MongoDB wire server", "ORDERFLOW_MONGO_PORT", port -> {
                            tried.add(port);
                            if (tried.size() == 1) {
                                takeAsANeighbour(port);
                            }
                            return EmbeddedMongo.start(directory, port);
                        });
                var client = MongoClients.create(mongo.connectionString())) {
            assertThat(tried).hasSize(2).doesNotHaveDuplicates();
            assertThat(mongo.connectionString()).contains(":" + tried.get(1) + "/");
            assertThat(client.getDatabase("orderflow")
                            .runCommand(new Document("ping", 1))
                            .get("ok"))
                    .isEqualTo(1.0);
        }
    }

    @Test
    void aConfiguredPortThatIsTakenEndsTheStartNamingItsSetting() throws Exception {
        int configured = takeAsANeighbour(FreePorts.any());
        var tried = new ArrayList<Integer>();
        assertThatThrownBy(() -> EmbeddedInfrastructure.onFreePort(
                        configured, "MongoDB wire server", "ORDERFLOW_MONGO_PORT", port -> {
                            tried.add(port);
                            return EmbeddedMongo.start(directory, port);
                        }))
                .isInstanceOf(StartFailure.class)
                .hasMessage(
                        "The embedded MongoDB wire server's port " + configured + " (ORDERFLOW_MONGO_PORT) is in use.");
        assertThat(tried).containsExactly(configured);
    }

    @Test
    void aTakenPortBesideAConfiguredOneIsChosenAgain() throws Exception {
        // Kafka's controller port is never configured, even when the broker's is
        int configured = FreePorts.any();
        var controllerPorts = new ArrayList<Integer>();
        int started = EmbeddedInfrastructure.onFreePort(configured, "Kafka broker", "ORDERFLOW_KAFKA_PORT", port -> {
            int controllerPort = FreePorts.any();
            controllerPorts.add(controllerPort);
            if (controllerPorts.size() == 1) {
                takeAsANeighbour(controllerPort);
            }
            EmbeddedInfrastructure.requireFree(port);
            EmbeddedInfrastructure.requireFree(controllerPort);
            return port;
        });
        assertThat(started).isEqualTo(configured);
        assertThat(controllerPorts).hasSize(2);
    }

    private int takeAsANeighbour(int port) throws Exception {
        neighbours.add(new ServerSocket(port, 1, InetAddress.getLoopbackAddress()));
        return port;
    }

    @AfterEach
    void closeNeighbours() throws Exception {
        for (var neighbour : neighbours) {
            neighbour.close();
        }
    }
}
