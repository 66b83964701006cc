package io.calicogitops.history;

import java.time.Instant;
import java.util.Objects;

/** One point of a cluster's drift timeline (an audit recorded in the drift log): when, which cluster, what it found. */
public record DriftTimelineEntry(Instant time, String cluster, String summary) {

    public DriftTimelineEntry {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(summary, "summary");
    }
}
