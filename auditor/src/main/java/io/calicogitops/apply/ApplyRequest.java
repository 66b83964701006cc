package io.calicogitops.apply;

import io.calicogitops.audit.LiveReader;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What to apply: the cluster folder of {@code repo} at {@code ref}, read through {@code live} and written through
 * {@code writer} with {@code strategy}; {@code dryRun} writes nothing, {@code prune} deletes what Git no longer holds.
 */
public record ApplyRequest(Path repo, String cluster, String ref, LiveReader live, ClusterWriter writer,
                           ApplyStrategy strategy, boolean dryRun, boolean prune) {

    public ApplyRequest {
        Objects.requireNonNull(repo, "repo");
        Objects.requireNonNull(cluster, "cluster");
        ref = ref == null ? "HEAD" : ref;
        Objects.requireNonNull(live, "live");
        Objects.requireNonNull(writer, "writer");
        strategy = strategy == null ? ApplyStrategy.UPDATE : strategy;
    }
}
