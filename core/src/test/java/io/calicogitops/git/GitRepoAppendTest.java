package io.calicogitops.git;

import io.calicogitops.diag.GitAccessException;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The append-only branch primitives of {@link GitRepo}: orphan commits, compare-and-swap, history and reflog. */
class GitRepoAppendTest {

    private static final String REF = "refs/heads/side/log";
    private static final Instant WHEN = Instant.parse("2026-03-01T10:00:00Z");

    @TempDir
    Path tmp;

    private static SortedMap<String, byte[]> file(String path, String text) {
        return new TreeMap<>(Map.of(path, text.getBytes(StandardCharsets.UTF_8)));
    }

    private static GitRepo repoWithMain(Path dir) {
        GitRepo repo = GitRepo.openOrInit(dir);
        repo.commit(List.of(new FileChange("clusters/a/x.yaml", FileChange.Type.ADDED, null, "x\n".getBytes(StandardCharsets.UTF_8))),
                "main", new PersonIdent("T", "t@example.com"));
        return repo;
    }

    @Test
    void appendCommit_firstOnNewRef_isAnOrphanHoldingOnlyItsFiles() throws Exception {
        try (GitRepo repo = repoWithMain(tmp.resolve("r"))) {
            String id = repo.appendCommit(REF, Optional.empty(), file("log/a/1.json", "one\n"), "first", WHEN).orElseThrow();

            assertEquals(Optional.of(id), repo.tip(REF));
            try (RevWalk rw = new RevWalk(repo.repository())) {
                RevCommit c = rw.parseCommit(ObjectId.fromString(id));
                assertEquals(0, c.getParentCount());
                assertEquals(WHEN, c.getCommitterIdent().getWhenAsInstant());
                assertEquals("first", c.getFullMessage());
            }
            assertEquals(List.of("log/a/1.json"), repo.listFiles(id, ""));
        }
    }

    @Test
    void appendCommit_onParent_keepsEveryEarlierFileAndAddsTheNewOne() {
        try (GitRepo repo = repoWithMain(tmp.resolve("r"))) {
            String one = repo.appendCommit(REF, Optional.empty(), file("log/a/1.json", "one\n"), "1", WHEN).orElseThrow();
            String two = repo.appendCommit(REF, Optional.of(one), file("log/b/1.json", "b\n"), "2", WHEN).orElseThrow();

            assertEquals(List.of("log/a/1.json", "log/b/1.json"), repo.listFiles(two, "log"));
            assertEquals(List.of("log/a/1.json"), repo.listFiles(two, "log/a"));
            assertArrayEquals("b\n".getBytes(StandardCharsets.UTF_8), repo.readFile(two, "log/b/1.json").orElseThrow());
            assertEquals(Optional.empty(), repo.readFile(two, "log/c/1.json"));
            List<String> seen = new ArrayList<>();
            repo.forEachFile(two, "", (path, bytes) -> seen.add(path + "=" + new String(bytes, StandardCharsets.UTF_8).trim()));
            assertEquals(List.of("log/a/1.json=one", "log/b/1.json=b"), seen);
        }
    }

    @Test
    void appendCommit_whenTheRefMovedSinceItWasRead_returnsEmptyAndLeavesTheRef() {
        try (GitRepo repo = repoWithMain(tmp.resolve("r"))) {
            String one = repo.appendCommit(REF, Optional.empty(), file("log/a/1.json", "1\n"), "1", WHEN).orElseThrow();
            String two = repo.appendCommit(REF, Optional.of(one), file("log/a/2.json", "2\n"), "2", WHEN).orElseThrow();

            assertEquals(Optional.empty(), repo.appendCommit(REF, Optional.of(one), file("log/a/2b.json", "x\n"), "stale", WHEN));
            assertEquals(Optional.empty(), repo.appendCommit(REF, Optional.empty(), file("log/a/0.json", "x\n"), "stale", WHEN));
            assertEquals(Optional.of(two), repo.tip(REF));
        }
    }

    @Test
    void appendCommit_pathThatAlreadyExists_isRefusedNeverOverwritten() {
        try (GitRepo repo = repoWithMain(tmp.resolve("r"))) {
            String one = repo.appendCommit(REF, Optional.empty(), file("log/a/1.json", "1\n"), "1", WHEN).orElseThrow();

            GitAccessException e = assertThrows(GitAccessException.class,
                    () -> repo.appendCommit(REF, Optional.of(one), file("log/a/1.json", "forged\n"), "x", WHEN));

            assertTrue(e.getMessage().contains("refusing to overwrite log/a/1.json"), e.getMessage());
            assertEquals(Optional.of(one), repo.tip(REF));
        }
    }

    @Test
    void appendCommit_neverTouchesHeadIndexOrWorkTree() throws Exception {
        Path dir = tmp.resolve("r");
        try (GitRepo repo = repoWithMain(dir)) {
            Files.writeString(dir.resolve("clusters/a/x.yaml"), "user edit, not committed\n");
            String head = repo.resolve("HEAD").orElseThrow().name();
            byte[] index = Files.readAllBytes(dir.resolve(".git/index"));

            repo.appendCommit(REF, Optional.empty(), file("log/a/1.json", "1\n"), "1", WHEN).orElseThrow();

            assertEquals(head, repo.resolve("HEAD").orElseThrow().name());
            assertEquals("refs/heads/main", repo.repository().getFullBranch());
            assertArrayEquals(index, Files.readAllBytes(dir.resolve(".git/index")));
            assertEquals("user edit, not committed\n", Files.readString(dir.resolve("clusters/a/x.yaml")));
            assertTrue(Files.notExists(dir.resolve("log")));
        }
    }

    @Test
    void appendCommit_inBareRepository_worksAndKeepsAReflog() throws Exception {
        Path bare = tmp.resolve("bare.git");
        Git.init().setBare(true).setDirectory(bare.toFile()).setInitialBranch("main").call().close();
        try (GitRepo repo = GitRepo.open(bare)) {
            String one = repo.appendCommit(REF, Optional.empty(), file("log/a/1.json", "1\n"), "1", WHEN).orElseThrow();
            String two = repo.appendCommit(REF, Optional.of(one), file("log/a/2.json", "2\n"), "2", WHEN).orElseThrow();

            assertEquals(Optional.of(two), repo.tip(REF));
            assertEquals(List.of(one, two), repo.reflog(REF).stream().map(RefMove::to).toList());
        }
    }

    @Test
    void appendCommit_refNameConflictingWithABranch_failsWithTheConflict() {
        try (GitRepo repo = repoWithMain(tmp.resolve("r"))) {
            String other = repo.appendCommit("refs/heads/side", Optional.empty(), file("x", "x\n"), "x", WHEN).orElseThrow();

            GitAccessException e = assertThrows(GitAccessException.class,
                    () -> repo.appendCommit(REF, Optional.empty(), file("log/a/1.json", "1\n"), "1", WHEN));

            assertTrue(e.getMessage().contains("conflicts with existing refs"), e.getMessage());
            assertEquals(Optional.of(other), repo.tip("refs/heads/side"));
        }
    }

    @Test
    void history_listsCommitsRootFirstWithTheirAddedPaths() {
        try (GitRepo repo = repoWithMain(tmp.resolve("r"))) {
            String one = repo.appendCommit(REF, Optional.empty(), file("log/a/1.json", "1\n"), "1", WHEN).orElseThrow();
            String two = repo.appendCommit(REF, Optional.of(one), file("log/a/2.json", "2\n"), "2", WHEN).orElseThrow();

            List<BranchCommit> history = repo.history(REF);

            assertEquals(List.of(one, two), history.stream().map(BranchCommit::id).toList());
            assertEquals(List.of(), history.get(0).parents());
            assertEquals(List.of(one), history.get(1).parents());
            assertEquals(Map.of("log/a/1.json", FileChange.Type.ADDED), history.get(0).paths());
            assertEquals(Map.of("log/a/2.json", FileChange.Type.ADDED), history.get(1).paths());
            assertEquals(List.of(), repo.history("refs/heads/none"));
            assertEquals(Optional.empty(), repo.tip("refs/heads/none"));
        }
    }
}
