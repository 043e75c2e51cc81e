package io.orderflow.gateway.support;

import io.orderflow.gateway.config.GatewayConfiguration;
import io.orderflow.gateway.security.SecurityConfiguration;
import io.orderflow.gateway.security.TokenIssuer;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * What a {@code @WebMvcTest} of the gateway needs besides its controllers: the real security configuration in
 * front of them (Spring Security's own configuration, which the slice leaves out, and the gateway's filter chain
 * and token checks), the gateway's clock and JSON settings, and its {@link TokenIssuer} to sign real tokens with a
 * key pair kept under {@code target}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ImportAutoConfiguration({
    SecurityAutoConfiguration.class,
    ServletWebSecurityAutoConfiguration.class,
    SecurityFilterAutoConfiguration.class
})
@Import({GatewayConfiguration.class, SecurityConfiguration.class, TokenIssuer.class})
@TestPropertySource(properties = "orderflow.security.keys.directory=target/test-signing-keys")
public @interface GatewayWebSlice {}
