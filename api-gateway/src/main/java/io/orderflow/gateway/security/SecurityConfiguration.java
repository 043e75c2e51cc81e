package io.orderflow.gateway.security;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.core.convert.converter.Converter;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationManagerResolver;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoders;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.authentication.JwtIssuerAuthenticationManagerResolver;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.Header;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every API endpoint is an OAuth2 resource server: a request carries an RS256 bearer token, signed by this gateway or
 * by the configured external issuer, whose signature, expiry, issuer and audience are checked. Who may reach which
 * endpoint is written here, in one place.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecurityProperties.class)
public class SecurityConfiguration implements WebMvcConfigurer {

    /**
     * The API operations anyone may call, without a token; the Stripe webhook is verified by its signature instead,
     * and the simulated provider's authentication page (present only without Stripe) is the provider's, not the
     * shop's.
     */
    public static final List<String> PUBLIC_OPERATIONS = List.of(
            "POST /api/auth/signup",
            "POST /api/auth/signin",
            "POST /api/auth/refresh",
            "POST /api/auth/console/signin",
            "POST /api/auth/console/refresh",
            "GET /.well-known/jwks.json",
            "POST /api/webhooks/stripe",
            "GET /simulated-provider/orders/{orderId}/authentication",
            "POST /simulated-provider/orders/{orderId}/authentication");

    /**
     * The console's pages run only their own scripts and styles from this origin, talk only to it, and cannot be
     * framed: no inline script, no other origin.
     */
    static final String CONSOLE_POLICY =
            "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
                    + " connect-src 'self'; font-src 'self'; manifest-src 'self'; base-uri 'none'; form-action 'self';"
                    + " frame-ancestors 'none'";

    private static final String CONSOLE_PERMISSIONS = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";

    private static final String ADMIN = Caller.ADMIN;
    /** The role of Prometheus, holding the scrape token: metrics and nothing else. */
    static final String METRICS = "METRICS";

    static final String PROMETHEUS = "/actuator/prometheus";
    private static final String CUSTOMER = Caller.CUSTOMER;

    @Bean
    SecurityFilterChain api(
            HttpSecurity http,
            AuthenticationManagerResolver<HttpServletRequest> tokens,
            SecurityProperties properties,
            JsonMapper json)
            throws Exception {
        var problems = new ProblemSecurityResponses(json);
        http.csrf(AbstractHttpConfigurer::disable) // bearer tokens only: no cookie a forged request could ride on
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .authorizeHttpRequests(requests -> {
                    // an error page or the rest of an SSE stream belongs to a request that was already let in
                    requests.dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.ASYNC)
                            .permitAll();
                    PUBLIC_OPERATIONS.forEach(operation -> requests.requestMatchers(
                                    HttpMethod.valueOf(operation.split(" ")[0]),
                                    operation.split(" ")[1])
                            .permitAll());
                    requests.requestMatchers(
                                    HttpMethod.GET, "/actuator/health", "/actuator/health/**", "/actuator/info")
                            .permitAll()
                            // metrics tell revenue and volumes: operators and Prometheus only
                            .requestMatchers(HttpMethod.GET, PROMETHEUS)
                            .hasAnyRole(ADMIN, METRICS)
                            .requestMatchers("/actuator/**")
                            .hasRole(ADMIN)
                            .requestMatchers(
                                    HttpMethod.GET,
                                    "/v3/api-docs",
                                    "/v3/api-docs/**",
                                    "/swagger-ui.html",
                                    "/swagger-ui/**")
                            .permitAll()
                            // the console's pages and scripts hold nothing secret: its data comes from the API
                            .requestMatchers(HttpMethod.GET, "/", "/console", "/console/**", "/webjars/**")
                            .permitAll()
                            .requestMatchers("/api/admin/**", "/api/analytics/**")
                            .hasRole(ADMIN)
                            .requestMatchers(HttpMethod.GET, "/api/orders/stream")
                            .hasRole(ADMIN)
                            .requestMatchers(HttpMethod.POST, "/api/products", "/api/products/*/stock")
                            .hasRole(ADMIN)
                            .requestMatchers(HttpMethod.PUT, "/api/products/*")
                            .hasRole(ADMIN)
                            .requestMatchers(HttpMethod.POST, "/api/orders")
                            .hasRole(CUSTOMER)
                            .anyRequest()
                            .authenticated();
                })
                .oauth2ResourceServer(server -> server.authenticationManagerResolver(
                                ScrapeToken.acceptedOnPrometheus(tokens, properties.metricsScrapeToken()))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(exceptions ->
                        exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .headers(headers -> headers.referrerPolicy(
                                referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER))
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                                PathPatternRequestMatcher.withDefaults().matcher("/console/**"),
                                new StaticHeadersWriter(List.of(
                                        new Header("Content-Security-Policy", CONSOLE_POLICY),
                                        new Header("Permissions-Policy", CONSOLE_PERMISSIONS))))));
        return http.build();
    }

    @Bean
    SigningKeys signingKeys(SecurityProperties properties) {
        return SigningKeys.from(properties.keys());
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /**
     * Picks the verifier by the token's {@code iss}: this gateway's own key, or the external issuer's key set (read
     * on its first token, so the gateway starts while the issuer is away). Any other issuer is refused.
     *
     * @param ownTokenChecks further checks of the gateway's own tokens, such as sign-out and disabled accounts
     */
    @Bean
    AuthenticationManagerResolver<HttpServletRequest> tokenVerifiers(
            SigningKeys keys,
            SecurityProperties properties,
            ObjectProvider<OAuth2TokenValidator<Jwt>> ownTokenChecks,
            Clock clock) {
        AuthenticationManager ownManager = manager(
                ownDecoder(keys, properties, ownTokenChecks.orderedStream().toList(), clock), "roles");

        Map<String, Supplier<AuthenticationManager>> byIssuer = new HashMap<>();
        byIssuer.put(properties.issuer(), () -> ownManager);
        SecurityProperties.External external = properties.external();
        if (external.enabled()) {
            byIssuer.put(
                    external.issuerUri().toString(),
                    SingletonSupplier.of(
                            () -> manager(externalDecoder(external, properties.audience()), external.rolesClaim())));
        }
        return new JwtIssuerAuthenticationManagerResolver(issuer -> {
            Supplier<AuthenticationManager> manager = byIssuer.get(issuer);
            return manager == null ? null : manager.get();
        });
    }

    /**
     * The gateway's own tokens: RS256 with its public key, within their lifetime by the clock (a minute's skew
     * allowed), from its issuer, for its audience, and passing the further checks.
     */
    static JwtDecoder ownDecoder(
            SigningKeys keys,
            SecurityProperties properties,
            List<OAuth2TokenValidator<Jwt>> furtherChecks,
            Clock clock) {
        NimbusJwtDecoder own = NimbusJwtDecoder.withPublicKey(keys.publicKey())
                .signatureAlgorithm(SignatureAlgorithm.RS256)
                .build();
        var lifetime = new JwtTimestampValidator();
        lifetime.setClock(clock);
        var validators = new ArrayList<OAuth2TokenValidator<Jwt>>(
                List.of(lifetime, new JwtIssuerValidator(properties.issuer()), audience(properties.audience())));
        validators.addAll(furtherChecks);
        own.setJwtValidator(JwtValidators.createDefaultWithValidators(validators));
        return own;
    }

    private static JwtDecoder externalDecoder(SecurityProperties.External external, String ownAudience) {
        String issuer = external.issuerUri().toString();
        NimbusJwtDecoder decoder = external.jwkSetUri() != null
                ? NimbusJwtDecoder.withJwkSetUri(external.jwkSetUri().toString())
                        .build()
                : (NimbusJwtDecoder) JwtDecoders.fromIssuerLocation(issuer);
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(issuer),
                audience(external.audience() != null ? external.audience() : ownAudience)));
        return decoder;
    }

    private static OAuth2TokenValidator<Jwt> audience(String audience) {
        return new JwtClaimValidator<List<String>>(JwtClaimNames.AUD, aud -> aud != null && aud.contains(audience));
    }

    private static AuthenticationManager manager(JwtDecoder decoder, String rolesClaim) {
        var provider = new JwtAuthenticationProvider(decoder);
        provider.setJwtAuthenticationConverter(roles(rolesClaim));
        return new ProviderManager(provider);
    }

    /** Roles read from a claim given as a dotted path, upper-cased, as {@code ROLE_} authorities. */
    private static Converter<Jwt, AbstractAuthenticationToken> roles(String rolesClaim) {
        String[] path = rolesClaim.split("\\.");
        var converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(jwt -> {
            Object node = jwt.getClaims();
            for (String step : path) {
                node = node instanceof Map<?, ?> map ? map.get(step) : null;
            }
            Collection<GrantedAuthority> authorities = new ArrayList<>();
            if (node instanceof Collection<?> values) {
                values.forEach(value -> authorities.add(
                        new SimpleGrantedAuthority("ROLE_" + value.toString().toUpperCase(Locale.ROOT))));
            }
            return authorities;
        });
        return converter;
    }

    /** Lets a controller take the {@link Caller} as a parameter. */
    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new HandlerMethodArgumentResolver() {
            @Override
            public boolean supportsParameter(MethodParameter parameter) {
                return parameter.getParameterType() == Caller.class;
            }

            @Override
            public Object resolveArgument(
                    MethodParameter parameter,
                    ModelAndViewContainer container,
                    NativeWebRequest request,
                    WebDataBinderFactory binders) {
                return Caller.from(SecurityContextHolder.getContext().getAuthentication());
            }
        });
    }
}
