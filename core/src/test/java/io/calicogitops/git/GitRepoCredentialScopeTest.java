package io.calicogitops.git;

import io.calicogitops.diag.GitAccessException;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.StoredConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Git token goes only over HTTPS and only to the host of the remote's URL, never to where a redirect points. */
@Timeout(120)
class GitRepoCredentialScopeTest {

    private static final String TOKEN = "ghp_scopedTokenThatMustStayHome0123456789";
    private static final Optional<GitCredentials> CREDENTIALS = Optional.of(new GitCredentials("ci", TOKEN));

    @TempDir
    Path tmp;

    @Test
    void pushAndFetch_plainHttpRemote_refusedAndTheServerNeverSeesTheToken() throws Exception {
        try (LoopbackHttpServer server = LoopbackHttpServer.start("127.0.0.1", false, e -> null)) {
            Path dir = repoWithOrigin(server.url("/fleet.git"));

            try (GitRepo repo = GitRepo.open(dir)) {
                GitAccessException push = assertThrows(GitAccessException.class,
                        () -> repo.push("origin", "refs/heads/main", "refs/heads/main", CREDENTIALS));
                GitAccessException fetch = assertThrows(GitAccessException.class,
                        () -> repo.fetch("origin", "refs/heads/main", "refs/remotes/origin/main", CREDENTIALS));
                for (GitAccessException e : List.of(push, fetch)) {
                    assertTrue(e.getMessage().contains("token not sent over plain http"), e.getMessage());
                    assertFalse(e.getMessage().contains(TOKEN), e.getMessage());
                }
            }
            assertNoToken(server);
        }
    }

    @Test
    void fetch_httpsRedirectToAnotherHost_theOtherHostNeverSeesTheToken() throws Exception {
        try (LoopbackHttpServer elsewhere = LoopbackHttpServer.start("127.0.0.2", true, e -> null);
             LoopbackHttpServer origin = LoopbackHttpServer.start("127.0.0.1", true,
                     e -> elsewhere.url(e.getRequestURI().toString()))) {
            Path dir = repoWithOrigin(origin.url("/fleet.git"));

            try (GitRepo repo = GitRepo.open(dir)) {
                GitAccessException fetch = assertThrows(GitAccessException.class,
                        () -> repo.fetch("origin", "refs/heads/main", "refs/remotes/origin/main", CREDENTIALS));
                GitAccessException push = assertThrows(GitAccessException.class,
                        () -> repo.push("origin", "refs/heads/main", "refs/heads/main", CREDENTIALS));
                for (GitAccessException e : List.of(push, fetch)) {
                    assertFalse(e.getMessage().contains(TOKEN), e.getMessage());
                }
            }
            // The origin may get the token (it is the host the token is for); the host it redirects to may not.
            assertNoToken(elsewhere);
        }
    }

    @Test
    void fetch_httpsRedirectAfterAuthenticating_theOtherHostNeverSeesTheToken() throws Exception {
        // The origin asks for credentials first and redirects only once it has them: the header JGit built for the
        // origin must not travel with the redirected request.
        try (LoopbackHttpServer elsewhere = LoopbackHttpServer.start("127.0.0.2", true, e -> null);
             LoopbackHttpServer origin = LoopbackHttpServer.start("127.0.0.1", true,
                     e -> e.getRequestHeaders().getFirst("Authorization") == null ? null
                             : elsewhere.url(e.getRequestURI().toString()))) {
            Path dir = repoWithOrigin(origin.url("/fleet.git"));

            try (GitRepo repo = GitRepo.open(dir)) {
                GitAccessException fetch = assertThrows(GitAccessException.class,
                        () -> repo.fetch("origin", "refs/heads/main", "refs/remotes/origin/main", CREDENTIALS));
                assertFalse(fetch.getMessage().contains(TOKEN), fetch.getMessage());
            }
            assertFalse(elsewhere.requests.isEmpty(), "the redirect was followed: " + origin.requests);
            assertNoToken(elsewhere);
        }
    }

    @Test
    void push_tokenInTheRemoteUrlsQuery_maskedLikeUserAndPassword() throws Exception {
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String query = "glpat-queryTokenNeverPrinted42";
        Path dir = repoWithOrigin("https://127.0.0.1:" + closedPort + "/fleet.git?private_token=" + query);

        try (GitRepo repo = GitRepo.open(dir)) {
            GitAccessException push = assertThrows(GitAccessException.class,
                    () -> repo.push("origin", "refs/heads/main", "refs/heads/main", Optional.empty()));

            assertFalse(push.getMessage().contains(query), push.getMessage());
            assertTrue(push.getMessage().contains("fleet.git?private_token=[redacted]"), push.getMessage());
        }
    }

    /** Neither the token nor any Basic credentials reached the server. */
    private static void assertNoToken(LoopbackHttpServer server) {
        String basic = Base64.getEncoder().encodeToString(("ci:" + TOKEN).getBytes(StandardCharsets.UTF_8));
        for (String request : server.requests) {
            assertTrue(request.endsWith("Authorization=null"), server.requests.toString());
            assertFalse(request.contains(TOKEN) || request.contains(basic), server.requests.toString());
        }
    }

    private Path repoWithOrigin(String url) throws Exception {
        Path dir = tmp.resolve("repo");
        try (GitRepo repo = GitRepo.openOrInit(dir)) {
            repo.commit(List.of(new FileChange("a.txt", FileChange.Type.ADDED, null, "a\n".getBytes())), "a", repo.identity());
        }
        try (Git git = Git.open(dir.toFile())) {
            StoredConfig config = git.getRepository().getConfig();
            config.setString("remote", "origin", "url", url);
            // The test server's certificate is self-signed; what is checked here is where the token goes.
            config.setBoolean("http", null, "sslVerify", false);
            config.save();
        }
        return dir;
    }
}
