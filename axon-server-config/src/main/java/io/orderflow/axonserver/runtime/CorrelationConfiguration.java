package io.orderflow.axonserver.runtime;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.MDC;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The request's correlation id ({@code requestId}) travels with every message it causes: Axon copies it from the
 * message being handled to every message sent or applied meanwhile, next to its own {@code correlationId} (the
 * causing message) and {@code traceId} (the first message). While a message is handled, its {@code requestId} is
 * in the MDC, so every log line of the work it causes names the request.
 */
@Configuration(proxyBeanMethods = false)
class CorrelationConfiguration {

    static final String REQUEST_ID = "requestId";

    @Bean
    CorrelationDataProvider messageOriginProvider() {
        return new MessageOriginProvider();
    }

    @Bean
    CorrelationDataProvider requestIdCorrelation() {
        return new SimpleCorrelationDataProvider(REQUEST_ID);
    }

    @Bean
    ConfigurerModule requestIdInEventHandlerLogs() {
        return configurer -> configurer.eventProcessing(processing ->
                processing.registerDefaultHandlerInterceptor((configuration, processor) -> new RequestIdInLogs<>()));
    }

    @Bean
    SmartInitializingSingleton requestIdInCommandHandlerLogs(CommandBus commandBus) {
        return () -> commandBus.registerHandlerInterceptor(new RequestIdInLogs<>());
    }

    /** Puts the handled message's request id in the MDC for as long as it is handled. */
    static final class RequestIdInLogs<T extends Message<?>> implements MessageHandlerInterceptor<T> {

        @Override
        public Object handle(UnitOfWork<? extends T> unitOfWork, InterceptorChain chain) throws Exception {
            Object requestId = unitOfWork.getMessage().getMetaData().get(REQUEST_ID);
            String outer = MDC.get(REQUEST_ID);
            if (requestId != null) {
                MDC.put(REQUEST_ID, requestId.toString());
            }
            try {
                return chain.proceed();
            } finally {
                if (outer != null) {
                    MDC.put(REQUEST_ID, outer);
                } else {
                    MDC.remove(REQUEST_ID);
                }
            }
        }
    }
}
