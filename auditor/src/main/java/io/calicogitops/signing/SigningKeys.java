package io.calicogitops.signing;

import io.calicogitops.diag.UsageException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Set;

/**
 * Ed25519 keys and signatures with the JDK alone: private keys as PKCS#8 PEM ({@code -----BEGIN PRIVATE KEY-----}),
 * public keys as X.509 PEM ({@code -----BEGIN PUBLIC KEY-----}), the forms {@code openssl genpkey -algorithm ed25519}
 * and {@code openssl pkey -pubout} write. Ed25519 signatures are deterministic: the same key and bytes give the same
 * signature, so a signed bundle or drift-log entry stays reproducible. Shared by evidence bundles ({@code manifest.sig})
 * and the drift log (entry and checkpoint signatures), so one key pair from {@code evidence keygen} serves both.
 */
public final class SigningKeys {

    static final String ALGORITHM = "Ed25519";

    private SigningKeys() {
    }

    public static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the Java runtime has no Ed25519 (Java 15+ has)", e);
        }
    }

    /**
     * Writes the private key (owner read/write only where the file system has POSIX permissions) and the public key;
     * refuses to overwrite either file.
     */
    public static void write(KeyPair keys, Path privateFile, Path publicFile, String privateDisplay, String publicDisplay) {
        if (privateFile.toAbsolutePath().normalize().equals(publicFile.toAbsolutePath().normalize())) {
            throw new UsageException("the private and the public key need two different files");
        }
        for (Path p : new Path[] {privateFile, publicFile}) {
            if (Files.exists(p)) {
                throw new UsageException((p == privateFile ? privateDisplay : publicDisplay)
                        + " already exists: keys are never overwritten (delete it or choose another name)");
            }
        }
        try {
            createParent(privateFile);
            createParent(publicFile);
            if (Files.getFileStore(privateFile.toAbsolutePath().getParent()).supportsFileAttributeView("posix")) {
                Set<PosixFilePermission> ownerOnly = PosixFilePermissions.fromString("rw-------");
                Files.createFile(privateFile, PosixFilePermissions.asFileAttribute(ownerOnly));
                // Created owner-only from the start, so the key is never readable by others, even briefly.
                Files.write(privateFile, pem("PRIVATE KEY", keys.getPrivate().getEncoded()), StandardOpenOption.TRUNCATE_EXISTING);
            } else {
                Files.write(privateFile, pem("PRIVATE KEY", keys.getPrivate().getEncoded()), StandardOpenOption.CREATE_NEW);
            }
            Files.write(publicFile, pem("PUBLIC KEY", keys.getPublic().getEncoded()), StandardOpenOption.CREATE_NEW);
        } catch (FileAlreadyExistsException e) {
            throw new UsageException(e.getFile() + " already exists: keys are never overwritten");
        } catch (IOException e) {
            throw new UncheckedIOException("write keys", e);
        }
    }

    /** Reads a PKCS#8 PEM Ed25519 private key; anything else is a usage error naming the option. */
    public static PrivateKey readPrivate(Path file, String display) {
        byte[] der = der(file, display, "PRIVATE KEY");
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new UsageException(display + ": not an Ed25519 private key (PKCS#8 PEM, e.g. from 'calico-gitops evidence keygen')");
        }
    }

    /** Reads an X.509 PEM Ed25519 public key; anything else is a usage error naming the option. */
    public static PublicKey readPublic(Path file, String display) {
        byte[] der = der(file, display, "PUBLIC KEY");
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new UsageException(display + ": not an Ed25519 public key (X.509 PEM, e.g. from 'calico-gitops evidence keygen')");
        }
    }

    /** The base64 signature over {@code bytes}, with a final newline: the content of {@code manifest.sig}. */
    public static byte[] sign(PrivateKey key, byte[] bytes) {
        return (signBase64(key, bytes) + "\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** The Ed25519 signature over {@code bytes}, base64 (standard alphabet, padded). */
    public static String signBase64(PrivateKey key, byte[] bytes) {
        try {
            Signature s = Signature.getInstance(ALGORITHM);
            s.initSign(key);
            s.update(bytes);
            return Base64.getEncoder().encodeToString(s.sign());
        } catch (GeneralSecurityException e) {
            throw new UsageException("cannot sign with the given key: " + e.getMessage());
        }
    }

    /** Whether {@code signatureFile} (base64, surrounding whitespace allowed) is a valid signature of {@code bytes}. */
    public static boolean verify(PublicKey key, byte[] bytes, byte[] signatureFile) {
        return verify(key, bytes, new String(signatureFile, StandardCharsets.US_ASCII));
    }

    /** Whether {@code base64} (surrounding whitespace allowed) is a valid signature of {@code bytes}. */
    public static boolean verify(PublicKey key, byte[] bytes, String base64) {
        try {
            byte[] signature = Base64.getDecoder().decode(base64.strip());
            Signature s = Signature.getInstance(ALGORITHM);
            s.initVerify(key);
            s.update(bytes);
            return s.verify(signature);
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            return false;
        }
    }

    private static byte[] pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return ("-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n").getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] der(Path file, String display, String type) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UsageException(display + ": cannot read the key file (" + e.getClass().getSimpleName() + ")");
        }
        String begin = "-----BEGIN " + type + "-----";
        String end = "-----END " + type + "-----";
        int from = text.indexOf(begin);
        int to = text.indexOf(end);
        if (from < 0 || to < from) {
            throw new UsageException(display + ": expected a PEM block '" + begin + "'");
        }
        try {
            return Base64.getMimeDecoder().decode(text.substring(from + begin.length(), to));
        } catch (IllegalArgumentException e) {
            throw new UsageException(display + ": the PEM block is not valid base64");
        }
    }

    private static void createParent(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
    }
}
