package io.calicogitops.git;

import io.calicogitops.diag.GitAccessException;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.StoredConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Fetch and push through the adapter: credentials come from the environment and never show in a message. */
class GitRepoRemotesTest {

    private static final String TOKEN = "ghp_remoteTokenThatMustNeverBePrinted0123";

    @TempDir
    Path tmp;

    @Test
    void credentials_fromEnvironment_tokenAndOptionalUser_neverInToString() {
        assertEquals(Optional.empty(), GitCredentials.fromEnvironment(Map.of()));
        assertEquals(Optional.empty(), GitCredentials.fromEnvironment(Map.of(GitCredentials.TOKEN_VARIABLE, " ")));
        GitCredentials c = GitCredentials.fromEnvironment(Map.of(GitCredentials.TOKEN_VARIABLE, TOKEN)).orElseThrow();
        assertEquals(new GitCredentials(GitCredentials.DEFAULT_USER, TOKEN), c);
        assertEquals("oauth2", GitCredentials.fromEnvironment(Map.of(GitCredentials.TOKEN_VARIABLE, TOKEN,
                GitCredentials.USER_VARIABLE, "oauth2")).orElseThrow().user());
        assertFalse(c.toString().contains(TOKEN), c.toString());
    }

    @Test
    void push_httpsRemoteThatCannotBeReached_masksTokenAndUrlCredentials() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Path dir = tmp.resolve("repo");
        try (GitRepo repo = GitRepo.openOrInit(dir)) {
            repo.commit(List.of(new FileChange("a.txt", FileChange.Type.ADDED, null, "a\n".getBytes())), "a", repo.identity());
        }
        try (Git git = Git.open(dir.toFile())) {
            StoredConfig config = git.getRepository().getConfig();
            config.setString("remote", "origin", "url", "https://ci:hunter2-password@127.0.0.1:" + closedPort + "/fleet.git");
            config.save();
        }
        Optional<GitCredentials> credentials = Optional.of(new GitCredentials("ci", TOKEN));

        try (GitRepo repo = GitRepo.open(dir)) {
            GitAccessException push = assertThrows(GitAccessException.class,
                    () -> repo.push("origin", "refs/heads/main", "refs/heads/main", credentials));
            GitAccessException fetch = assertThrows(GitAccessException.class,
                    () -> repo.fetch("origin", "refs/heads/main", "refs/remotes/origin/main", credentials));

            for (GitAccessException e : List.of(push, fetch)) {
                StringWriter trace = new StringWriter();
                e.printStackTrace(new PrintWriter(trace));
                assertFalse(trace.toString().contains(TOKEN), trace.toString());
                assertFalse(trace.toString().contains("hunter2"), trace.toString());
                assertTrue(e.getMessage().contains("origin (https://[redacted]@127.0.0.1:" + closedPort + "/fleet.git)"),
                        e.getMessage());
            }
        }
    }

    @Test
    void buildAppendCommitThenAdvance_movesTheRefOnlyFromWhereItWas() throws Exception {
        Path dir = tmp.resolve("repo");
        Files.createDirectories(dir);
        try (GitRepo repo = GitRepo.openOrInit(dir)) {
            String ref = "refs/heads/log";
            SortedMap<String, byte[]> one = new TreeMap<>(Map.of("log/1.json", "{}".getBytes()));
            String first = repo.buildAppendCommit(ref, Optional.empty(), one, "first", java.time.Instant.EPOCH);
            assertEquals(Optional.empty(), repo.tip(ref), "building moves no ref");
            assertTrue(repo.advance(ref, Optional.empty(), first, "first", java.time.Instant.EPOCH));
            SortedMap<String, byte[]> two = new TreeMap<>(Map.of("log/2.json", "{}".getBytes()));
            String second = repo.buildAppendCommit(ref, Optional.of(first), two, "second", java.time.Instant.EPOCH);

            assertFalse(repo.advance(ref, Optional.empty(), second, "second", java.time.Instant.EPOCH), "expected absent, but it exists");
            assertTrue(repo.advance(ref, Optional.of(first), second, "second", java.time.Instant.EPOCH));
            assertEquals(Optional.of(second), repo.tip(ref));
            assertTrue(repo.isAncestor(first, second));
            assertFalse(repo.isAncestor(second, first));
        }
    }
}
