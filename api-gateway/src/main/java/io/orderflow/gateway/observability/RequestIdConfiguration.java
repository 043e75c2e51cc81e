package io.orderflow.gateway.observability;

import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.slf4j.MDC;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** A command sent while handling a request carries the request's id in its metadata. */
@Configuration(proxyBeanMethods = false)
class RequestIdConfiguration {

    @Bean
    SmartInitializingSingleton requestIdOnCommands(CommandBus commandBus) {
        MessageDispatchInterceptor<CommandMessage<?>> withRequestId = new MessageDispatchInterceptor<>() {
            @Override
            public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(
                    List<? extends CommandMessage<?>> messages) {
                return (index, command) -> {
                    String requestId = MDC.get(RequestIdFilter.KEY);
                    return requestId == null || command.getMetaData().containsKey(RequestIdFilter.KEY)
                            ? command
                            : command.andMetaData(Map.of(RequestIdFilter.KEY, requestId));
                };
            }
        };
        return () -> commandBus.registerDispatchInterceptor(withRequestId);
    }
}
