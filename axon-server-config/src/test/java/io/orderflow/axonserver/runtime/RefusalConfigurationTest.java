package io.orderflow.axonserver.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orderflow.api.common.CommandRefusedException;
import io.orderflow.api.common.InvalidCommandException;
import io.orderflow.api.common.Refusal;
import io.orderflow.api.order.OrderStatus;
import io.orderflow.api.order.OrderTransitionRefusedException;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.RemoteExceptionDescription;
import org.axonframework.messaging.RemoteHandlingException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

/**
 * A refusal thrown by a command handler reaches the sender as the exception it is: through the command bus of one
 * JVM, and as details alone, which is all Axon Server carries back (serialized and read again here as its connector
 * does).
 */
class RefusalConfigurationTest {

    private final SimpleCommandBus bus = SimpleCommandBus.builder().build();
    private final CommandGateway gateway;

    RefusalConfigurationTest() {
        var configuration = new RefusalConfiguration();
        gateway = configuration.commandGateway(bus);
        configuration.refusalsAsDetails(bus).afterSingletonsInstantiated();
    }

    private void handlerThrows(Supplier<RuntimeException> failure) {
        bus.subscribe(String.class.getName(), command -> {
            throw failure.get();
        });
    }

    @Test
    void anInvalidCommandArrivesAsInvalidWithItsMessage() {
        handlerThrows(() -> new InvalidCommandException("An order needs at least one line"));
        assertThatThrownBy(() -> gateway.sendAndWait("place"))
                .isExactlyInstanceOf(InvalidCommandException.class)
                .hasMessage("An order needs at least one line");
    }

    @Test
    void aRefusedTransitionArrivesAsARefusalWithItsMessage() {
        handlerThrows(() -> new OrderTransitionRefusedException(
                "order-7", OrderStatus.SHIPPED, "The order has shipped and can no longer be cancelled"));
        assertThatThrownBy(() -> gateway.send("cancel").join())
                .isInstanceOf(CompletionException.class)
                .cause()
                .isInstanceOf(CommandRefusedException.class)
                .hasMessage("The order has shipped and can no longer be cancelled");
    }

    @Test
    void anUnknownAggregateArrivesAsNotFound() {
        handlerThrows(() -> new AggregateNotFoundException("PROD-404", "The aggregate was not found"));
        assertThatThrownBy(() -> gateway.sendAndWait("restock")).isExactlyInstanceOf(AggregateNotFoundException.class);
    }

    @Test
    void aFailureThatIsNoRefusalArrivesAsItWas() {
        handlerThrows(() -> new IllegalStateException("the database went away"));
        assertThatThrownBy(() -> gateway.sendAndWait("place"))
                .isExactlyInstanceOf(IllegalStateException.class)
                .hasMessage("the database went away");
    }

    @Test
    void aRefusalLeavesTheHandlerAsDetailsThatSurviveTheWire() {
        var captured = new Throwable[1];
        handlerThrows(() -> new CommandRefusedException("There is already a product PROD-001"));
        bus.dispatch(GenericCommandMessage.asCommandMessage("create"), (message, result) -> {
            captured[0] = result.exceptionResult();
        });
        assertThat(captured[0]).isInstanceOf(CommandExecutionException.class);

        // what Axon Server's connector does: the details serialized, the exception itself only described
        JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
        SerializedObject<byte[]> details = serializer.serialize(
                ((CommandExecutionException) captured[0]).getDetails().orElseThrow(), byte[].class);
        var arrived = new CommandExecutionException(
                "There is already a product PROD-001",
                new RemoteHandlingException(new RemoteExceptionDescription(List.of("CommandRefusedException: ..."))),
                serializer.deserialize(details));

        assertThat(Refusal.restore(arrived))
                .isExactlyInstanceOf(CommandRefusedException.class)
                .hasMessage("There is already a product PROD-001");
    }
}
