package io.calicogitops.git;

import io.calicogitops.diag.ExitCodes;
import io.calicogitops.diag.GitAccessException;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.Status;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.StoredConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class GitRepoTest {

    private static final PersonIdent WHO = new PersonIdent("Test", "test@example.com");

    @TempDir
    Path tmp;

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static FileChange added(String path, String text) {
        return new FileChange(path, FileChange.Type.ADDED, null, utf8(text));
    }

    private static Map<String, String> text(SortedMap<String, byte[]> files) {
        Map<String, String> out = new TreeMap<>();
        files.forEach((k, v) -> out.put(k, new String(v, StandardCharsets.UTF_8)));
        return out;
    }

    @Test
    void openOrInit_absentFolder_createsRepositoryOnBranchMain() throws IOException {
        Path dir = tmp.resolve("new/nested/repo");

        try (GitRepo repo = GitRepo.openOrInit(dir)) {
            assertTrue(Files.isDirectory(dir.resolve(".git")));
            assertEquals("refs/heads/main", repo.repository().getFullBranch());
            assertEquals(dir.toRealPath(), repo.workTree().toRealPath());
            assertEquals(Optional.empty(), repo.resolve("HEAD"));
        }
    }

    @Test
    void openOrInit_emptyFolder_createsRepositoryOnBranchMain() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("empty"));

        try (GitRepo repo = GitRepo.openOrInit(dir)) {
            assertTrue(Files.isDirectory(dir.resolve(".git")));
            assertEquals("refs/heads/main", repo.repository().getFullBranch());
        }
    }

    @Test
    void openOrInit_nonEmptyFolderThatIsNoRepository_refusesWithExitCode4AndCreatesNothing() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("docs"));
        Files.writeString(dir.resolve("notes.txt"), "mine\n");

        GitAccessException e = assertThrows(GitAccessException.class, () -> GitRepo.openOrInit(dir));

        assertEquals(ExitCodes.ACCESS, e.exitCode());
        assertTrue(e.getMessage().startsWith("not a Git repository: " + dir), e.getMessage());
        assertTrue(e.getMessage().contains("point --repo at an empty or new folder"), e.getMessage());
        assertFalse(Files.exists(dir.resolve(".git")), "no repository may be created over the user's files");
        assertEquals("mine\n", Files.readString(dir.resolve("notes.txt")));
    }

    @Test
    void openOrInit_existingRepository_opensItWithItsHistory() {
        Path dir = tmp.resolve("repo");
        String first;
        try (GitRepo repo = GitRepo.openOrInit(dir)) {
            first = repo.commit(List.of(added("a.txt", "a\n")), "first", WHO).commitId().orElseThrow();
        }

        try (GitRepo again = GitRepo.openOrInit(dir)) {
            assertEquals(Optional.of(ObjectId.fromString(first)), again.resolve("HEAD"));
        }
    }

    @Test
    void open_folderThatIsNoRepository_throwsGitAccessException() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("plain"));
        Files.writeString(dir.resolve("x"), "x");

        GitAccessException e = assertThrows(GitAccessException.class, () -> GitRepo.open(dir));

        assertEquals("not a Git repository: " + dir, e.getMessage());
        assertEquals(ExitCodes.ACCESS, e.exitCode());
    }

    @Test
    void open_absentOrEmptyFolder_throwsAndCreatesNothing() throws IOException {
        Path absent = tmp.resolve("absent");
        Path empty = Files.createDirectories(tmp.resolve("empty"));

        assertThrows(GitAccessException.class, () -> GitRepo.open(absent));
        assertThrows(GitAccessException.class, () -> GitRepo.open(empty));

        assertFalse(Files.exists(absent));
        try (var s = Files.list(empty)) {
            assertEquals(0, s.count());
        }
    }

    @Test
    void open_bareRepository_opensWithoutWorkTree() throws Exception {
        Path bare = tmp.resolve("bare.git");
        Git.init().setBare(true).setDirectory(bare.toFile()).setInitialBranch("main").call().close();

        try (GitRepo repo = GitRepo.open(bare)) {
            assertTrue(repo.repository().isBare());
            assertNull(repo.workTree());
            assertEquals(Optional.empty(), repo.resolve("HEAD"));
        }
    }

    @Test
    void resolve_headOfEmptyRepository_isEmpty() {
        try (GitRepo repo = GitRepo.openOrInit(tmp.resolve("repo"))) {
            assertEquals(Optional.empty(), repo.resolve("HEAD"));
            assertEquals(Optional.empty(), repo.resolve("main"));
        }
    }

    @Test
    void resolve_headAndAncestors_nameTheCommits() {
        try (GitRepo repo = GitRepo.openOrInit(tmp.resolve("repo"))) {
            String one = repo.commit(List.of(added("a.txt", "1\n")), "one", WHO).commitId().orElseThrow();
            String two = repo.commit(List.of(new FileChange("a.txt", FileChange.Type.MODIFIED, utf8("1\n"), utf8("2\n"))),
                    "two", WHO).commitId().orElseThrow();

            assertEquals(Optional.of(ObjectId.fromString(two)), repo.resolve("HEAD"));
            assertEquals(Optional.of(ObjectId.fromString(two)), repo.resolve("main"));
            assertEquals(Optional.of(ObjectId.fromString(one)), repo.resolve("HEAD~1"));
            assertEquals(Optional.empty(), repo.resolve("no-such-branch"));
        }
    }

    @Test
    void readTree_readsFilesAtACommitFromTheObjectDatabaseNotTheWorkTree() throws IOException {
        Path dir = tmp.resolve("repo");
        try (GitRepo repo = GitRepo.openOrInit(dir)) {
            String one = repo.commit(List.of(added("clusters/a/x.yaml", "x1\n"), added("clusters/a/y.yaml", "y1\n"),
                    added("clusters/ab/z.yaml", "z1\n"), added("top.md", "top\n")), "one", WHO).commitId().orElseThrow();
            repo.commit(List.of(new FileChange("clusters/a/x.yaml", FileChange.Type.MODIFIED, utf8("x1\n"), utf8("x2\n"))),
                    "two", WHO);
            // The work tree moves on too: readTree must not look at it.
            Files.writeString(dir.resolve("clusters/a/x.yaml"), "edited, not committed\n");
            Files.delete(dir.resolve("clusters/a/y.yaml"));

            ObjectId first = ObjectId.fromString(one);
            ObjectId head = repo.resolve("HEAD").orElseThrow();

            assertEquals(Map.of("clusters/a/x.yaml", "x1\n", "clusters/a/y.yaml", "y1\n"), text(repo.readTree(first, "clusters/a")));
            assertEquals(Map.of("clusters/a/x.yaml", "x2\n", "clusters/a/y.yaml", "y1\n"), text(repo.readTree(head, "clusters/a")));
            assertEquals(Set.of("clusters/a/x.yaml", "clusters/a/y.yaml", "clusters/ab/z.yaml", "top.md"),
                    repo.readTree(head, "").keySet());
            assertEquals(Map.of(), text(repo.readTree(head, "clusters/none")));
        }
    }

    @Test
    void commit_emptyChangeList_makesNoCommit() {
        try (GitRepo repo = GitRepo.openOrInit(tmp.resolve("repo"))) {
            CommitResult result = repo.commit(List.of(), "nothing", WHO);

            assertEquals(Optional.empty(), result.commitId());
            assertEquals(List.of(), result.changes());
            assertEquals(Optional.empty(), repo.resolve("HEAD"));
        }
    }

    @Test
    void commit_addModifyAndRemove_landInOneCommitWithCleanStatus() throws Exception {
        Path dir = tmp.resolve("repo");
        try (GitRepo repo = GitRepo.openOrInit(dir)) {
            repo.commit(List.of(added("c/keep.yaml", "k1\n"), added("c/gone.yaml", "g\n")), "one", WHO);
            CommitResult two = repo.commit(List.of(
                    new FileChange("c/keep.yaml", FileChange.Type.MODIFIED, utf8("k1\n"), utf8("k2\n")),
                    new FileChange("c/gone.yaml", FileChange.Type.REMOVED, utf8("g\n"), null),
                    added("c/new.yaml", "n\n")), "two\n\nbody\n", WHO);

            ObjectId head = repo.resolve("HEAD").orElseThrow();
            assertEquals(Optional.of(head.name()), two.commitId());
            assertEquals(Map.of("c/keep.yaml", "k2\n", "c/new.yaml", "n\n"), text(repo.readTree(head, "")));
            assertFalse(Files.exists(dir.resolve("c/gone.yaml")));
            assertEquals("k2\n", Files.readString(dir.resolve("c/keep.yaml")));
            try (Git git = Git.wrap(repo.repository())) {
                Status status = git.status().call();
                assertTrue(status.isClean(), "uncommitted: " + status.getUncommittedChanges() + ", untracked: " + status.getUntracked());
                var commit = git.log().setMaxCount(1).call().iterator().next();
                assertEquals("two\n\nbody\n", commit.getFullMessage());
                assertEquals(WHO.getName(), commit.getAuthorIdent().getName());
                assertEquals(1, commit.getParentCount());
            }
        }
    }

    @Test
    void commit_removingTheLastFileOfAFolder_removesTheFolderFromTheWorkTree() {
        Path dir = tmp.resolve("repo");
        try (GitRepo repo = GitRepo.openOrInit(dir)) {
            repo.commit(List.of(added("clusters/old/a.yaml", "a\n"), added("clusters/keep/b.yaml", "b\n")), "one", WHO);

            repo.commit(List.of(new FileChange("clusters/old/a.yaml", FileChange.Type.REMOVED, utf8("a\n"), null)), "two", WHO);

            assertFalse(Files.exists(dir.resolve("clusters/old")), "an emptied folder stays behind, unlike after git rm");
            assertTrue(Files.isDirectory(dir.resolve("clusters/keep")));
        }
    }

    @Test
    void commit_writtenFiles_getTheSamePermissionsAsAnyNewFile() throws IOException {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX permissions only");
        Path dir = tmp.resolve("repo");
        try (GitRepo repo = GitRepo.openOrInit(dir)) {
            repo.commit(List.of(added("clusters/a/x.yaml", "x\n")), "one", WHO);
        }
        // What the user's umask gives any new file (and what git itself would check out).
        Path probe = Files.writeString(dir.resolve("clusters/a/probe.txt"), "p");
        Set<PosixFilePermission> expected = Files.getPosixFilePermissions(probe);

        assertEquals(expected, Files.getPosixFilePermissions(dir.resolve("clusters/a/x.yaml")),
                "kubectl, Argo CD or a colleague must be able to read what was written");
    }

    @Test
    void uncommitted_reportsEditsAndDeletionsUnderThePrefixOnly() throws IOException {
        Path dir = tmp.resolve("repo");
        try (GitRepo repo = GitRepo.openOrInit(dir)) {
            repo.commit(List.of(added("a/x.yaml", "x\n"), added("a/y.yaml", "y\n"), added("b/z.yaml", "z\n")), "one", WHO);
            Files.writeString(dir.resolve("a/x.yaml"), "edited\n");
            Files.delete(dir.resolve("a/y.yaml"));
            Files.writeString(dir.resolve("b/z.yaml"), "edited\n");
            Files.writeString(dir.resolve("a/untracked.txt"), "u\n");

            assertEquals(Set.of("a/x.yaml", "a/y.yaml"), repo.uncommitted(java.util.List.of("a")));
        }
    }

    @Test
    void stagedOutside_listsStagedPathsThatAreNotOurs() throws Exception {
        Path dir = tmp.resolve("repo");
        try (GitRepo repo = GitRepo.openOrInit(dir)) {
            repo.commit(List.of(added("a/x.yaml", "x\n")), "one", WHO);
            Files.writeString(dir.resolve("docs.md"), "d\n");
            Files.writeString(dir.resolve("a/x.yaml"), "x2\n");
            try (Git git = Git.wrap(repo.repository())) {
                git.add().addFilepattern("docs.md").addFilepattern("a/x.yaml").call();
            }

            assertEquals(Set.of("docs.md"), repo.stagedOutside(Set.of("a/x.yaml")));
            assertEquals(Set.of("a/x.yaml", "docs.md"), repo.stagedOutside(Set.of()));
        }
    }

    @Test
    void identity_usesTheRepositoryConfig() throws IOException {
        try (GitRepo repo = GitRepo.openOrInit(tmp.resolve("repo"))) {
            StoredConfig config = repo.repository().getConfig();
            config.setString("user", null, "name", "Fleet Bot");
            config.setString("user", null, "email", "bot@example.com");
            config.save();

            PersonIdent who = repo.identity();

            assertEquals("Fleet Bot", who.getName());
            assertEquals("bot@example.com", who.getEmailAddress());
        }
    }
}
