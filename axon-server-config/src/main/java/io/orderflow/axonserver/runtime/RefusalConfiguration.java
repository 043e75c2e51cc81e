package io.orderflow.axonserver.runtime;

import io.orderflow.api.common.Refusal;
import javax.annotation.Nonnull;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandCallback;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandResultMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The domain's refusals reach a command's sender as the exceptions they are, wherever its handler ran: command
 * handlers send them as a {@link Refusal} in the {@code CommandExecutionException}'s details, which Axon Server
 * carries back, and the command gateway every module sends with turns the details back into the exception. In
 * standalone both ends are in one JVM and the refusal makes the same round trip.
 */
@Configuration(proxyBeanMethods = false)
class RefusalConfiguration {

    @Bean
    SmartInitializingSingleton refusalsAsDetails(CommandBus commandBus) {
        return () -> commandBus.registerHandlerInterceptor(new RefusalsAsDetails());
    }

    @Bean
    CommandGateway commandGateway(CommandBus commandBus) {
        return new RefusalRestoringGateway(DefaultCommandGateway.builder().commandBus(commandBus));
    }

    /** Sends a refusal thrown by a command handler on as the details of a {@code CommandExecutionException}. */
    static final class RefusalsAsDetails implements MessageHandlerInterceptor<CommandMessage<?>> {

        @Override
        public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain)
                throws Exception {
            try {
                return chain.proceed();
            } catch (Exception failure) {
                throw Refusal.carry(failure);
            }
        }
    }

    /** Axon's gateway, whose results give a refusal carried back as the exception it stands for. */
    static final class RefusalRestoringGateway extends DefaultCommandGateway {

        RefusalRestoringGateway(DefaultCommandGateway.Builder builder) {
            super(builder);
        }

        @Override
        public <C, R> void send(@Nonnull C command, @Nonnull CommandCallback<? super C, ? super R> callback) {
            super.send(command, (CommandCallback<C, R>) (message, result) -> callback.onResult(
                    message,
                    result.isExceptional()
                            ? GenericCommandResultMessage.asCommandResultMessage(
                                    Refusal.restore(result.exceptionResult()))
                            : result));
        }
    }
}
