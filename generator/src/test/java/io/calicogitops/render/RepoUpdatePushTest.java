package io.calicogitops.render;

import io.calicogitops.diag.ExitCodes;
import io.calicogitops.diag.GitAccessException;
import io.calicogitops.git.PushResult;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.StoredConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Optional;

import static io.calicogitops.render.RepoFixtures.commitUserFile;
import static io.calicogitops.render.RepoFixtures.copySampleFleet;
import static io.calicogitops.render.RepoFixtures.editProfile;
import static io.calicogitops.render.RepoFixtures.git;
import static io.calicogitops.render.RepoFixtures.head;
import static io.calicogitops.render.RepoFixtures.render;
import static io.calicogitops.render.RepoFixtures.sampleRender;
import static io.calicogitops.render.RepoFixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code render --push}: the rendered branch goes to origin, never forced; a rejected push keeps the local commit. */
class RepoUpdatePushTest {

    @TempDir
    Path tmp;

    /** A bare repository holding one render of the sample fleet on main, and a clone of it. */
    private Path bareWithRender() throws Exception {
        Path seed = tmp.resolve("seed");
        write(sampleRender(), seed);
        Path bare = tmp.resolve("origin.git");
        Git.cloneRepository().setURI(seed.toUri().toString()).setDirectory(bare.toFile()).setBare(true).call().close();
        return bare;
    }

    private Path cloneOf(Path bare, String name) throws Exception {
        Path dir = tmp.resolve(name);
        Git.cloneRepository().setURI(bare.toUri().toString()).setDirectory(dir.toFile()).call().close();
        return dir;
    }

    private static ObjectId mainOf(Path bare) throws Exception {
        try (Git git = Git.open(bare.toFile())) {
            return git.getRepository().resolve("refs/heads/main");
        }
    }

    private Generator.RenderResult changedRender() {
        Path fleet = copySampleFleet(tmp.resolve("fleet-" + System.nanoTime()));
        editProfile(fleet, "eks-dev.yaml", "flowFlushInterval: 15s", "flowFlushInterval: 30s");
        return render(fleet);
    }

    @Test
    void push_renderCommit_landsOnOriginMainAndAgainIsUpToDate() throws Exception {
        Path bare = bareWithRender();
        Path clone = cloneOf(bare, "clone");
        RepoUpdate update = write(changedRender(), clone);

        PushResult pushed = RepoUpdate.push(clone, "origin", Optional.empty());

        assertEquals(PushResult.Status.PUSHED, pushed.status());
        assertEquals("refs/heads/main", pushed.remoteRef());
        assertEquals(update.commitId().orElseThrow(), mainOf(bare).name());
        assertEquals(PushResult.Status.UP_TO_DATE, RepoUpdate.push(clone, "origin", Optional.empty()).status());
    }

    @Test
    void push_originHasCommitsWeLack_isRejectedAndTheLocalCommitIsKept() throws Exception {
        Path bare = bareWithRender();
        Path alice = cloneOf(bare, "alice");
        Path bob = cloneOf(bare, "bob");
        commitUserFile(bob, "docs/runbook.md", "# runbook\n");
        try (Git git = git(bob)) {
            git.push().call();
        }
        ObjectId bobs = mainOf(bare);
        ObjectId alicesRender = ObjectId.fromString(write(changedRender(), alice).commitId().orElseThrow());

        GitAccessException e = assertThrows(GitAccessException.class, () -> RepoUpdate.push(alice, "origin", Optional.empty()));

        assertEquals(ExitCodes.ACCESS, e.exitCode());
        assertEquals("push of main to origin was rejected (non-fast-forward): origin has commits that " + alice
                + " does not; the local commits are kept, nothing was lost"
                + "\n    hint: git pull --rebase origin main (or reset to origin/main), render again, then push", e.getMessage());
        assertEquals(bobs, mainOf(bare), "origin is untouched");
        assertEquals(alicesRender, head(alice).orElseThrow(), "the render commit is still there");
        try (Git git = git(alice)) {
            assertTrue(git.status().call().isClean());
        }
    }

    @Test
    void push_noRemoteNamedOrigin_saysSo() {
        Path repo = tmp.resolve("repo");
        write(sampleRender(), repo);

        GitAccessException e = assertThrows(GitAccessException.class, () -> RepoUpdate.push(repo, "origin", Optional.empty()));

        assertTrue(e.getMessage().startsWith("no remote 'origin' in "), e.getMessage());
        assertTrue(e.getMessage().endsWith("hint: git remote add origin <url>"), e.getMessage());
    }

    @Test
    void push_remoteThatIsNotARepository_failsWithExit4() throws Exception {
        Path repo = tmp.resolve("repo");
        write(sampleRender(), repo);
        try (Git git = git(repo)) {
            StoredConfig config = git.getRepository().getConfig();
            config.setString("remote", "origin", "url", tmp.resolve("nowhere").toUri().toString());
            config.save();
        }

        GitAccessException e = assertThrows(GitAccessException.class, () -> RepoUpdate.push(repo, "origin", Optional.empty()));

        assertEquals(ExitCodes.ACCESS, e.exitCode());
        assertTrue(e.getMessage().startsWith("push main to origin ("), e.getMessage());
    }
}
