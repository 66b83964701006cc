package io.calicogitops.git;

import java.util.List;
import java.util.Optional;

/** The outcome of writing a change set: the new commit (empty when nothing changed) and the changes it holds. */
public record CommitResult(Optional<String> commitId, List<FileChange> changes) {

    public CommitResult {
        changes = List.copyOf(changes);
    }
}
