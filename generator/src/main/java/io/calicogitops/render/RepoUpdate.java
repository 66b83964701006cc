package io.calicogitops.render;

import io.calicogitops.git.CommitResult;
import io.calicogitops.git.FileChange;
import io.calicogitops.diag.GitAccessException;
import io.calicogitops.git.GitCredentials;
import io.calicogitops.git.GitRepo;
import io.calicogitops.git.IndexLock;
import io.calicogitops.git.PushResult;

import java.nio.file.Path;
import java.time.Duration;
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
        return write(rendered, repo, all, dryRun, message, GitRepo.INDEX_LOCK_WAIT);
    }

    /**
     * As {@link #write(Generator.RenderResult, Path, boolean, boolean, String)}, waiting at most {@code lockWait} for
     * the index lock. The plan and the commit happen under one lock, so two renders of one repository never
     * interleave: the second plans against the first one's commit.
     */
    public static RepoUpdate write(Generator.RenderResult rendered, Path repo, boolean all, boolean dryRun, String message,
                                   Duration lockWait) {
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
            if (dryRun) {
                return new RepoUpdate(RepoPlan.plan(git, rendered.clusters(), all), Optional.empty());
            }
            if (git.currentBranch().isEmpty()) {
                throw new GitAccessException("HEAD is detached in " + repo + ": nothing was written"
                        + "\n    hint: check out a branch first (git switch main); a commit on a detached HEAD is easily lost");
            }
            try (IndexLock lock = git.lockIndex(lockWait)) {
                List<FileChange> changes = RepoPlan.plan(git, rendered.clusters(), all);
                CommitResult commit = git.commit(lock, changes, RepoPlan.message(changes, message), git.identity());
                return new RepoUpdate(changes, commit.commitId());
            }
        }
    }

    /**
     * Pushes the branch HEAD is on to the same branch of {@code remote}, never forcing.
     *
     * @throws GitAccessException when the remote has commits this repository lacks (the local commit is kept), or
     *                            the push fails otherwise
     */
    public static PushResult push(Path repo, String remote, Optional<GitCredentials> credentials) {
        try (GitRepo git = GitRepo.open(repo)) {
            String branch = git.currentBranch().orElseThrow(() -> new GitAccessException("HEAD is detached in " + repo
                    + ": there is no branch to push"));
            if (git.resolve(branch).isEmpty()) {
                throw new GitAccessException("nothing to push: " + branch + " has no commit yet");
            }
            PushResult result = git.push(remote, branch, branch, credentials);
            if (!result.accepted()) {
                String name = branch.substring("refs/heads/".length());
                throw new GitAccessException("push of " + name + " to " + remote + " was rejected (non-fast-forward): "
                        + remote + " has commits that " + repo + " does not; the local commits are kept, nothing was lost"
                        + "\n    hint: git pull --rebase " + remote + " " + name + " (or reset to " + remote + "/" + name
                        + "), render again, then push");
            }
            return result;
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
