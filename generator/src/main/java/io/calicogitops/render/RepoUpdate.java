package io.calicogitops.render;

import io.calicogitops.git.CommitResult;
import io.calicogitops.git.FileChange;
import io.calicogitops.git.GitRepo;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The outcome of writing a render into a repository: the planned changes and the commit made (none on dry run or no change). */
public record RepoUpdate(List<FileChange> changes, Optional<String> commitId) {

    public RepoUpdate {
        changes = List.copyOf(changes);
    }

    /**
     * Plans the change of the rendered clusters against {@code repo} and, unless {@code dryRun}, commits it.
     * @param all the whole fleet was rendered, so folders of clusters gone from the fleet are removed
     */
    public static RepoUpdate write(Generator.RenderResult rendered, Path repo, boolean all, boolean dryRun, String message) {
        if (dryRun && isAbsentOrEmpty(repo)) {
            // Nothing exists yet: everything would be added, and a dry run must not even create the folder.
            List<FileChange> added = rendered.clusters().stream().flatMap(c -> java.util.stream.Stream.concat(
                    c.bootstrapFiles().entrySet().stream()
                            .map(e -> new FileChange(c.bootstrapFolder() + "/" + e.getKey(), FileChange.Type.ADDED, null, e.getValue())),
                    c.files().entrySet().stream()
                            .map(e -> new FileChange(c.folder() + "/" + e.getKey(), FileChange.Type.ADDED, null, e.getValue()))))
                    .toList();
            return new RepoUpdate(added, Optional.empty());
        }
        try (GitRepo git = GitRepo.openOrInit(repo)) {
            List<FileChange> changes = RepoPlan.plan(git, rendered.clusters(), all);
            if (dryRun) {
                return new RepoUpdate(changes, Optional.empty());
            }
            CommitResult commit = git.commit(changes, RepoPlan.message(changes, message), git.identity());
            return new RepoUpdate(changes, commit.commitId());
        }
    }

    private static boolean isAbsentOrEmpty(Path dir) {
        if (!java.nio.file.Files.exists(dir)) {
            return true;
        }
        try (var s = java.nio.file.Files.list(dir)) {
            return s.findAny().isEmpty();
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
