package io.calicogitops.driftlog;

import io.calicogitops.diag.UsageException;

import java.security.PublicKey;
import java.util.Collections;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What {@code log verify} checks beyond the chain: only one cluster; every entry's signature against a public key;
 * that each cluster's newest entry is at least {@code expectAtLeast}; that the log still holds the entries the given
 * checkpoints (by the name they are shown under) vouch for.
 */
public record VerifyOptions(Optional<String> cluster, Optional<PublicKey> publicKey, OptionalLong expectAtLeast,
                            SortedMap<String, LogCheckpoint> checkpoints) {

    public VerifyOptions {
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(publicKey, "publicKey");
        Objects.requireNonNull(expectAtLeast, "expectAtLeast");
        checkpoints = Collections.unmodifiableSortedMap(new TreeMap<>(checkpoints));
        if (!checkpoints.isEmpty() && publicKey.isEmpty()) {
            // An unsigned or unchecked checkpoint could be written by whoever rewrote the log.
            throw new UsageException("a checkpoint is only trusted with the public key that checks its signature");
        }
        if (expectAtLeast.isPresent() && expectAtLeast.getAsLong() < 1) {
            throw new UsageException("the expected number of entries must be at least 1, got " + expectAtLeast.getAsLong());
        }
        for (var c : checkpoints.entrySet()) {
            if (cluster.isPresent() && !cluster.get().equals(c.getValue().cluster())) {
                throw new UsageException(c.getKey() + " is a checkpoint of " + c.getValue().cluster() + ", but only "
                        + cluster.get() + " is checked");
            }
        }
    }

    /** The chain checks alone, of one cluster or of all. */
    public static VerifyOptions chainOnly(Optional<String> cluster) {
        return new VerifyOptions(cluster, Optional.empty(), OptionalLong.empty(), new TreeMap<>());
    }
}
