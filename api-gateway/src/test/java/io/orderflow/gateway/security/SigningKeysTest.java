package io.orderflow.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.FileSystemResource;

class SigningKeysTest {

    @TempDir
    Path directory;

    @Test
    void generatesAPairOnceAndKeepsItReadableByItsOwnerOnly() throws Exception {
        SigningKeys first = SigningKeys.from(new SecurityProperties.Keys(null, null, directory));
        SigningKeys again = SigningKeys.from(new SecurityProperties.Keys(null, null, directory));

        assertThat(again.keyId()).isEqualTo(first.keyId());
        assertThat(again.publicKey()).isEqualTo(first.publicKey());
        assertThat(PosixFilePermissions.toString(
                        Files.getPosixFilePermissions(directory.resolve(SigningKeys.PRIVATE_KEY_FILE))))
                .isEqualTo("rw-------");
        assertThat(first.signingKey().isPrivate()).isTrue();
        assertThat(first.publicKeySet().getKeys())
                .singleElement()
                .satisfies(key -> assertThat(key.isPrivate()).isFalse());
    }

    @Test
    void readsAConfiguredPemPair() {
        SigningKeys generated = SigningKeys.from(new SecurityProperties.Keys(null, null, directory));

        SigningKeys configured = SigningKeys.from(new SecurityProperties.Keys(
                new FileSystemResource(directory.resolve(SigningKeys.PRIVATE_KEY_FILE)),
                new FileSystemResource(directory.resolve(SigningKeys.PUBLIC_KEY_FILE)),
                null));

        assertThat(configured.keyId()).isEqualTo(generated.keyId());
    }

    @Test
    void refusesHalfAPairOrNothingAtAll() {
        assertThatThrownBy(() -> SigningKeys.from(new SecurityProperties.Keys(
                        new FileSystemResource(directory.resolve("private.pem")), null, directory)))
                .hasMessageContaining("both");
        assertThatThrownBy(() -> SigningKeys.from(new SecurityProperties.Keys(null, null, null)))
                .hasMessageContaining("orderflow.security.keys");
    }
}
