package io.calicogitops.driftlog;

import io.calicogitops.audit.DriftSeverity;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One stretch of one drift (one fingerprint) in one cluster: first and last seen, the first successful audit that
 * no longer saw it (empty while it lasts), the worst severity it had, and how many audits saw it. {@code drift} is
 * the latest record of it (sentences as last written). A drift that comes back after it was resolved starts a new span.
 */
public record DriftSpan(String cluster, LoggedDrift drift, DriftSeverity worst, Instant firstSeen, Instant lastSeen,
                        Optional<Instant> resolvedAt, int timesSeen) {

    public DriftSpan {
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(drift, "drift");
        Objects.requireNonNull(worst, "worst");
        Objects.requireNonNull(firstSeen, "firstSeen");
        Objects.requireNonNull(lastSeen, "lastSeen");
        Objects.requireNonNull(resolvedAt, "resolvedAt");
    }

    public boolean ongoing() {
        return resolvedAt.isEmpty();
    }

    /** From first seen to resolved; for an ongoing drift, from first seen to last seen (how long it is known to have lasted). */
    public Duration duration() {
        return Duration.between(firstSeen, resolvedAt.orElse(lastSeen));
    }
}
