package io.calicogitops.driftlog;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A stretch longer than the expected audit interval in which no audit of the cluster succeeded, so nothing is known
 * about its state: from the last successful audit (or the start of the window) to the next one (or the end of the
 * window), with the failed audits that fell inside it, which explain it.
 */
public record AuditGap(String cluster, Instant from, Instant to, List<LogEntry> failedAudits) {

    public AuditGap {
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        failedAudits = List.copyOf(failedAudits);
    }

    public Duration duration() {
        return Duration.between(from, to);
    }
}
