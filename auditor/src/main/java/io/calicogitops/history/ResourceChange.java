package io.calicogitops.history;

import io.calicogitops.audit.DriftSeverity;
import io.calicogitops.model.ResourceId;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One resource a commit created, modified, deleted, promoted or demoted in a cluster folder: its identity (after the
 * change; before it for a deletion), the apiVersion, the file, the former identity of a promoted or demoted policy,
 * the sentences (each prefixed with the resource name) and the severity of the change by its effect on traffic.
 */
public record ResourceChange(String cluster, ResourceId id, String apiVersion, ChangeType change, DriftSeverity severity,
                             String path, Optional<ResourceId> previousId, List<String> sentences) {

    public ResourceChange {
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(id, "id");
        apiVersion = apiVersion == null ? "" : apiVersion;
        Objects.requireNonNull(change, "change");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(path, "path");
        previousId = previousId == null ? Optional.empty() : previousId;
        sentences = List.copyOf(sentences);
    }

    /** {@code namespace/name}, or the name of a cluster-scoped resource: how sentences and reports name it. */
    public String displayName() {
        return id.isNamespaced() ? id.namespace() + "/" + id.name() : id.name();
    }
}
