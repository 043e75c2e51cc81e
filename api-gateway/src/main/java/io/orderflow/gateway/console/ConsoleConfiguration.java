package io.orderflow.gateway.console;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The console: static pages and ES modules under {@code /console/} (in this module's {@code static/console}), its
 * chart library from a WebJar under {@code /webjars/}, all served from the jar, so it works with no internet. Its
 * data comes from the API with the same tokens as any client; its headers are set in the security configuration.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleConfiguration implements WebMvcConfigurer {

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addRedirectViewController("/", "/console/");
        registry.addRedirectViewController("/console", "/console/");
        registry.addViewController("/console/").setViewName("forward:/console/index.html");
    }
}
