package io.calicogitops.git;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A commit found by {@link GitRepo#walkPaths}: who made it and when, its parents (more than one for a merge), and the
 * files it changed under the walked prefix, compared with its first parent.
 */
public record PathCommit(String id, List<String> parents, String authorName, String authorEmail, Instant authorTime,
                         String committerName, String committerEmail, Instant commitTime, String message,
                         List<PathChange> changes) {

    public PathCommit {
        Objects.requireNonNull(id, "id");
        parents = List.copyOf(parents);
        Objects.requireNonNull(commitTime, "commitTime");
        message = message == null ? "" : message;
        changes = List.copyOf(changes);
    }

    public boolean isMerge() {
        return parents.size() > 1;
    }
}
