package io.calicogitops.git;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.transport.URIish;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Where a branch was at a time ({@link GitRepo#lastCommitAtOrBefore}), and the configured remote URL. */
class GitRepoAtTimeTest {

    @TempDir
    Path dir;

    private List<String> threeCommits() throws Exception {
        List<String> ids = new ArrayList<>();
        try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
            for (String time : List.of("2026-01-10T09:00:00Z", "2026-03-01T09:00:00Z", "2026-08-01T09:00:00Z")) {
                Files.writeString(dir.resolve("f.txt"), time);
                git.add().addFilepattern("f.txt").call();
                PersonIdent who = new PersonIdent("Pat", "pat@example.com", Instant.parse(time), ZoneOffset.UTC);
                ids.add(git.commit().setMessage(time).setAuthor(who).setCommitter(who).setSign(false).call().getId().name());
            }
        }
        return ids;
    }

    @Test
    void lastCommitAtOrBefore_isTheNewestCommitNotAfterTheTime_inclusive() throws Exception {
        List<String> ids = threeCommits();
        try (GitRepo repo = GitRepo.open(dir)) {
            String head = repo.commitId("HEAD").orElseThrow();

            assertEquals(Optional.of(ids.get(1)), repo.lastCommitAtOrBefore(head, Instant.parse("2026-06-30T23:59:59Z")));
            assertEquals(Optional.of(ids.get(1)), repo.lastCommitAtOrBefore(head, Instant.parse("2026-03-01T09:00:00Z")));
            assertEquals(Optional.of(ids.get(2)), repo.lastCommitAtOrBefore(head, Instant.parse("2030-01-01T00:00:00Z")));
            assertEquals(Optional.empty(), repo.lastCommitAtOrBefore(head, Instant.parse("2025-12-31T00:00:00Z")));
        }
    }

    @Test
    void remoteUrl_asConfigured_orEmpty() throws Exception {
        threeCommits();
        try (GitRepo repo = GitRepo.open(dir)) {
            assertEquals(Optional.empty(), repo.remoteUrl("origin"));
        }
        try (Git git = Git.open(dir.toFile())) {
            git.remoteAdd().setName("origin").setUri(new URIish("https://git.example.com/fleet.git")).call();
        }
        try (GitRepo repo = GitRepo.open(dir)) {
            assertEquals(Optional.of("https://git.example.com/fleet.git"), repo.remoteUrl("origin"));
        }
    }
}
