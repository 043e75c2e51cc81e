package io.orderflow.standalone;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;

/**
 * A stand-in for an external OpenID Connect issuer shaped like Keycloak: a realm URL as issuer, its key set at the
 * realm's certs address, and roles under {@code realm_access.roles}. It serves only its key set, which is all the
 * gateway asks an issuer for.
 */
final class ExternalIssuer {

    private static ExternalIssuer instance;

    private final HttpServer server;
    private final RSAKey key;

    private ExternalIssuer() throws IOException, JOSEException {
        key = new RSAKeyGenerator(2048).keyID("realm-key-1").generate();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        byte[] keySet = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        server.createContext("/realms/shop/protocol/openid-connect/certs", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, keySet.length);
            exchange.getResponseBody().write(keySet);
            exchange.close();
        });
        server.setExecutor(Executors.newSingleThreadExecutor(runnable -> {
            var thread = new Thread(runnable, "external-issuer");
            thread.setDaemon(true);
            return thread;
        }));
        server.start();
    }

    static synchronized ExternalIssuer instance() {
        if (instance == null) {
            try {
                instance = new ExternalIssuer();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
        }
        return instance;
    }

    String issuer() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/realms/shop";
    }

    String jwkSetUri() {
        return issuer() + "/protocol/openid-connect/certs";
    }

    /** A token as the realm would sign it for the OrderFlow API. */
    String token(String subject, List<String> roles) {
        return sign(key, subject, roles);
    }

    /** The same token signed by a key the realm does not publish. */
    String tokenWithUnknownKey(String subject, List<String> roles) {
        try {
            return sign(new RSAKeyGenerator(2048).keyID("realm-key-1").generate(), subject, roles);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private String sign(RSAKey signer, String subject, List<String> roles) {
        Instant now = Instant.now();
        var claims = new JWTClaimsSet.Builder()
                .issuer(issuer())
                .subject(subject)
                .audience("orderflow-api")
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(300)))
                .jwtID(UUID.randomUUID().toString())
                .claim("azp", "shop-frontend")
                .claim("email", subject + "@shop.example")
                .claim("realm_access", Map.of("roles", roles))
                .build();
        try {
            var jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.RS256)
                            .keyID(signer.getKeyID())
                            .build(),
                    claims);
            jwt.sign(new RSASSASigner(signer));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
