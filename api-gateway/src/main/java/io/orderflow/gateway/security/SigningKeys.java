package io.orderflow.gateway.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.convert.converter.Converter;
import org.springframework.core.io.Resource;
import org.springframework.security.converter.RsaKeyConverters;

/**
 * The RS256 key pair the gateway signs tokens with: read from the configured PEM files, or generated once and kept
 * in the key directory so that a restart goes on accepting the tokens it signed. Its key id is the RFC 7638
 * thumbprint, so the same key always has the same id.
 */
public final class SigningKeys {

    static final String PRIVATE_KEY_FILE = "jwt-signing-key.pem";
    static final String PUBLIC_KEY_FILE = "jwt-signing-key.pub.pem";

    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);

    private final RSAKey key;

    private SigningKeys(RSAPublicKey publicKey, RSAPrivateKey privateKey) {
        try {
            this.key = new RSAKey.Builder(publicKey)
                    .privateKey(privateKey)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .keyIDFromThumbprint()
                    .build();
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot compute the signing key's thumbprint", e);
        }
    }

    static SigningKeys from(SecurityProperties.Keys keys) {
        if (keys.privateKey() != null || keys.publicKey() != null) {
            if (keys.privateKey() == null || keys.publicKey() == null) {
                throw new IllegalStateException(
                        "Set both orderflow.security.keys.private-key and .public-key, or neither");
            }
            return new SigningKeys(
                    read(keys.publicKey(), RsaKeyConverters.x509()), read(keys.privateKey(), RsaKeyConverters.pkcs8()));
        }
        if (keys.directory() == null) {
            throw new IllegalStateException("Set orderflow.security.keys.private-key and .public-key (PEM), "
                    + "or orderflow.security.keys.directory to keep a generated key pair");
        }
        return inDirectory(keys.directory());
    }

    private static SigningKeys inDirectory(Path directory) {
        Path privateFile = directory.resolve(PRIVATE_KEY_FILE);
        Path publicFile = directory.resolve(PUBLIC_KEY_FILE);
        try {
            if (!Files.exists(privateFile)) {
                Files.createDirectories(directory);
                KeyPair pair = generate();
                // the public half first: a crash in between leaves no private key, and the next start begins again
                write(publicFile, "PUBLIC KEY", pair.getPublic().getEncoded());
                write(privateFile, "PRIVATE KEY", pair.getPrivate().getEncoded());
                log.info("Generated the token signing key pair in {}", directory);
            }
            try (InputStream publicPem = Files.newInputStream(publicFile);
                    InputStream privatePem = Files.newInputStream(privateFile)) {
                return new SigningKeys(
                        RsaKeyConverters.x509().convert(publicPem),
                        RsaKeyConverters.pkcs8().convert(privatePem));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep the token signing key pair in " + directory, e);
        }
    }

    private static KeyPair generate() {
        try {
            var generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Written whole or not at all, readable by its owner only. */
    private static void write(Path file, String type, byte[] der) throws IOException {
        String pem = "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
        Path partial = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".partial");
        try {
            Files.setPosixFilePermissions(partial, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the directory's own permissions apply
        }
        Files.writeString(partial, pem);
        try {
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static <K> K read(Resource resource, Converter<InputStream, K> converter) {
        try (InputStream pem = resource.getInputStream()) {
            return converter.convert(pem);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the token signing key " + resource, e);
        }
    }

    /** The pair, for signing. */
    RSAKey signingKey() {
        return key;
    }

    String keyId() {
        return key.getKeyID();
    }

    RSAPublicKey publicKey() {
        try {
            return key.toRSAPublicKey();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What {@code /.well-known/jwks.json} publishes: the public half only. */
    JWKSet publicKeySet() {
        return new JWKSet(key.toPublicJWK());
    }
}
