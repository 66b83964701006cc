package io.calicogitops.signing;

import io.calicogitops.diag.UsageException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Ed25519 keys in the PEM forms openssl writes, and signatures over the manifest's bytes. */
class SigningKeysTest {

    @TempDir
    Path dir;

    @Test
    void write_thenRead_givesTheSameKeys_privateKeyOwnerOnly() throws IOException {
        KeyPair keys = SigningKeys.generate();
        Path priv = dir.resolve("keys/evidence.key");
        Path pub = dir.resolve("keys/evidence.pub");

        SigningKeys.write(keys, priv, pub, "evidence.key", "evidence.pub");

        assertTrue(Files.readString(priv).startsWith("-----BEGIN PRIVATE KEY-----\n"));
        assertTrue(Files.readString(pub).startsWith("-----BEGIN PUBLIC KEY-----\n"));
        assertArrayEquals(keys.getPrivate().getEncoded(), SigningKeys.readPrivate(priv, "k").getEncoded());
        assertArrayEquals(keys.getPublic().getEncoded(), SigningKeys.readPublic(pub, "k").getEncoded());
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(priv)));
        }
    }

    @Test
    void write_existingFile_isRefusedAndLeftAlone() throws IOException {
        Path priv = Files.writeString(dir.resolve("evidence.key"), "precious");

        UsageException e = assertThrows(UsageException.class, () ->
                SigningKeys.write(SigningKeys.generate(), priv, dir.resolve("evidence.pub"), "evidence.key", "evidence.pub"));

        assertEquals("evidence.key already exists: keys are never overwritten (delete it or choose another name)", e.getMessage());
        assertEquals("precious", Files.readString(priv));
        assertFalse(Files.exists(dir.resolve("evidence.pub")));
    }

    @Test
    void sign_isDeterministic_andVerifiesOnlyTheSameBytesWithTheSameKey() {
        KeyPair keys = SigningKeys.generate();
        byte[] manifest = "{\"cluster\": \"eks-prod\"}\n".getBytes(StandardCharsets.UTF_8);

        byte[] sig = SigningKeys.sign(keys.getPrivate(), manifest);

        assertArrayEquals(sig, SigningKeys.sign(keys.getPrivate(), manifest));
        assertTrue(SigningKeys.verify(keys.getPublic(), manifest, sig));
        assertFalse(SigningKeys.verify(keys.getPublic(), "{\"cluster\": \"eks-dev\"}\n".getBytes(StandardCharsets.UTF_8), sig));
        assertFalse(SigningKeys.verify(SigningKeys.generate().getPublic(), manifest, sig));
        assertFalse(SigningKeys.verify(keys.getPublic(), manifest, "not base64!".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void readPublic_ofAPrivateKeyFile_isAUsageErrorSayingWhatIsExpected() throws IOException {
        Path priv = dir.resolve("k");
        SigningKeys.write(SigningKeys.generate(), priv, dir.resolve("k.pub"), "k", "k.pub");

        UsageException e = assertThrows(UsageException.class, () -> SigningKeys.readPublic(priv, "--public-key k"));

        assertEquals("--public-key k: expected a PEM block '-----BEGIN PUBLIC KEY-----'", e.getMessage());
    }
}
