package io.calicogitops.evidence;

import java.util.Objects;

/** One file of a bundle as the manifest lists it: its path, the lowercase hex SHA-256 of its bytes and its size. */
public record BundleFile(String path, String sha256, long size) {

    public BundleFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(sha256, "sha256");
    }

    public static BundleFile of(String path, byte[] bytes) {
        return new BundleFile(path, Sha256.hex(bytes), bytes.length);
    }
}
