package io.calicogitops.history;

import io.calicogitops.git.GitRepo;

import java.util.Optional;

/**
 * Where history finds the drift timeline of a cluster (all clusters when empty) within an interval: the extension
 * point for the drift log that {@code audit --record} keeps on branch {@code calico-gitops/audit-log} of the same
 * repository. Audits, spans and gaps come back oldest first.
 */
public interface DriftTimelineSource {

    DriftTimelineView timeline(GitRepo git, Optional<String> cluster, Interval interval);

    /** No drift log yet: an empty timeline. */
    static DriftTimelineSource none() {
        return (git, cluster, interval) -> DriftTimelineView.empty();
    }
}
