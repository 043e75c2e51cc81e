package io.orderflow.standalone;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.springframework.security.converter.RsaKeyConverters;

/**
 * Tokens made the way an attacker would try, each wrong in exactly one way; {@link #valid} is the same token with
 * nothing wrong, so a refusal is known to come from the one defect.
 */
final class ForgedTokens {

    private final RSAKey platformKey;
    private final String subject;
    private final String role;

    /** Tokens for the account, made with the platform's own key pair read from its data directory. */
    ForgedTokens(Path dataDir, String subject, String role) {
        this.platformKey = readKey(dataDir.resolve("keys"));
        this.subject = subject;
        this.role = role;
    }

    String valid() {
        return sign(platformKey, JWSAlgorithm.RS256, claims -> claims);
    }

    String expired() {
        Instant past = Instant.now().minusSeconds(600);
        return sign(
                platformKey,
                JWSAlgorithm.RS256,
                claims -> claims.issueTime(Date.from(past.minusSeconds(900)))
                        .notBeforeTime(Date.from(past.minusSeconds(900)))
                        .expirationTime(Date.from(past)));
    }

    String wrongIssuer() {
        return sign(platformKey, JWSAlgorithm.RS256, claims -> claims.issuer("https://issuer.attacker.example"));
    }

    String wrongAudience() {
        return sign(platformKey, JWSAlgorithm.RS256, claims -> claims.audience("another-api"));
    }

    /** Signed by another key that claims the platform key's id. */
    String wrongKey() {
        try {
            RSAKey other =
                    new RSAKeyGenerator(2048).keyID(platformKey.getKeyID()).generate();
            return sign(other, JWSAlgorithm.RS256, claims -> claims);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Not signed at all. */
    String algNone() {
        return new PlainJWT(claims(claims -> claims).build()).serialize();
    }

    /** HMAC-signed with the platform's public key as the secret: the classic algorithm confusion. */
    String hmacWithPublicKey() {
        try {
            var jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.HS256)
                            .keyID(platformKey.getKeyID())
                            .build(),
                    claims(claims -> claims).build());
            jwt.sign(new MACSigner(platformKey.toPublicJWK().toRSAPublicKey().getEncoded()));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private String sign(RSAKey key, JWSAlgorithm algorithm, UnaryOperator<JWTClaimsSet.Builder> change) {
        try {
            var jwt = new SignedJWT(
                    new JWSHeader.Builder(algorithm).keyID(key.getKeyID()).build(),
                    claims(change).build());
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private JWTClaimsSet.Builder claims(UnaryOperator<JWTClaimsSet.Builder> change) {
        Instant now = Instant.now();
        return change.apply(new JWTClaimsSet.Builder()
                .issuer("orderflow")
                .audience("orderflow-api")
                .subject(subject)
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(300)))
                .claim("roles", List.of(role))
                .claim("ver", 0));
    }

    private static RSAKey readKey(Path directory) {
        try (InputStream publicPem = Files.newInputStream(directory.resolve("jwt-signing-key.pub.pem"));
                InputStream privatePem = Files.newInputStream(directory.resolve("jwt-signing-key.pem"))) {
            RSAPublicKey publicKey = RsaKeyConverters.x509().convert(publicPem);
            RSAPrivateKey privateKey = RsaKeyConverters.pkcs8().convert(privatePem);
            return new RSAKey.Builder(publicKey)
                    .privateKey(privateKey)
                    .keyIDFromThumbprint()
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
