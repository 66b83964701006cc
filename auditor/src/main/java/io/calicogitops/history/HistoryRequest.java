package io.calicogitops.history;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/** What history to read: the repository, the ref to walk back from, one cluster (all when empty) and the interval. */
public record HistoryRequest(Path repo, String ref, Optional<String> cluster, Interval interval) {

    public HistoryRequest {
        Objects.requireNonNull(repo, "repo");
        ref = ref == null || ref.isBlank() ? "HEAD" : ref;
        cluster = cluster == null ? Optional.empty() : cluster.filter(c -> !c.isBlank());
        interval = interval == null ? Interval.all() : interval;
    }
}
