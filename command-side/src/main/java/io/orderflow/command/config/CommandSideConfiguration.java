package io.orderflow.command.config;

import io.orderflow.command.order.OrderPolicy;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OrderProperties.class)
public class CommandSideConfiguration {

    @Bean
    OrderPolicy orderPolicy(OrderProperties properties) {
        return new OrderPolicy(properties.paymentTimeout(), Clock.systemUTC());
    }
}
