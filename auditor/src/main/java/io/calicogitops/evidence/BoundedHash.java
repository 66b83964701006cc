package io.calicogitops.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The SHA-256 of at most {@code max} bytes of a stream, and how many were read. {@code verify} reads a listed file only
 * up to one byte past its declared size: a zip entry that inflates to gigabytes is known to be wrong after that byte,
 * and hashing the rest would only let a hostile bundle keep the verifier busy.
 */
record BoundedHash(String sha256, long bytesRead) {

    private static final int BUFFER = 64 * 1024;

    static BoundedHash of(InputStream in, long max) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
        byte[] buffer = new byte[BUFFER];
        long read = 0;
        while (read < max) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, max - read));
            if (n < 0) {
                break;
            }
            digest.update(buffer, 0, n);
            read += n;
        }
        return new BoundedHash(HexFormat.of().formatHex(digest.digest()), read);
    }
}
