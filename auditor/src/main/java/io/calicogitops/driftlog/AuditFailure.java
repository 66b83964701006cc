package io.calicogitops.driftlog;

import java.util.Objects;
import java.util.Optional;

/**
 * An audit that could not finish, to be recorded so that the gap it leaves is explained: the cluster, the ref asked
 * for and the commit it named (empty when it did not resolve), where the live state was to come from (a context name
 * or file names, never credentials) and the error, already redacted by the reader that raised it.
 */
public record AuditFailure(String cluster, String desiredRef, Optional<String> desiredCommit, String liveSource, String error) {

    public AuditFailure {
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(desiredRef, "desiredRef");
        Objects.requireNonNull(desiredCommit, "desiredCommit");
        Objects.requireNonNull(liveSource, "liveSource");
        Objects.requireNonNull(error, "error");
    }
}
