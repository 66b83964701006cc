package io.calicogitops.render;

import io.calicogitops.diag.ExitCodes;
import io.calicogitops.diag.GitAccessException;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.calicogitops.render.RepoFixtures.commitCount;
import static io.calicogitops.render.RepoFixtures.copySampleFleet;
import static io.calicogitops.render.RepoFixtures.editProfile;
import static io.calicogitops.render.RepoFixtures.git;
import static io.calicogitops.render.RepoFixtures.head;
import static io.calicogitops.render.RepoFixtures.headFiles;
import static io.calicogitops.render.RepoFixtures.read;
import static io.calicogitops.render.RepoFixtures.render;
import static io.calicogitops.render.RepoFixtures.sampleRender;
import static io.calicogitops.render.RepoFixtures.workTree;
import static io.calicogitops.render.RepoFixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Git in states a render must not make worse: a locked index, a detached HEAD, and another render at the same time. */
class RepoUpdateGitFaultsTest {

    private static final String EKS_FELIX = "clusters/eks-dev/calico/felixconfiguration-default.yaml";
    private static final String AKS_FELIX = "clusters/aks-dev/calico/felixconfiguration-default.yaml";

    @TempDir
    Path tmp;

    private Path renderedRepo() {
        Path repo = tmp.resolve("repo");
        write(sampleRender(), repo);
        return repo;
    }

    private Path changedFleet(String name) {
        Path fleet = copySampleFleet(tmp.resolve(name));
        editProfile(fleet, "eks-dev.yaml", "flowFlushInterval: 15s", "flowFlushInterval: 30s");
        editProfile(fleet, "aks-dev.yaml", "flowFlushInterval: 15s", "flowFlushInterval: 45s");
        return fleet;
    }

    @Test
    void write_indexLockedByAnotherProcess_failsNamingTheLockAndWritesNothing() throws Exception {
        Path repo = renderedRepo();
        Path lock = Files.writeString(repo.resolve(".git/index.lock"), "held by a crashed git\n");
        ObjectId headBefore = head(repo).orElseThrow();
        SortedMap<String, String> before = workTree(repo);
        Generator.RenderResult changed = render(changedFleet("fleet"));

        GitAccessException e = assertThrows(GitAccessException.class,
                () -> RepoUpdate.write(changed, repo, true, false, null, Duration.ofMillis(300)));

        assertEquals(ExitCodes.ACCESS, e.exitCode());
        assertTrue(e.getMessage().startsWith("the index of " + repo + " is locked: " + lock + " exists; nothing was written"),
                e.getMessage());
        assertTrue(e.getMessage().contains("hint: another git or calico-gitops process is working in this repository"), e.getMessage());
        assertEquals(headBefore, head(repo).orElseThrow());
        assertEquals(before, workTree(repo), "no file was written");
        assertEquals("held by a crashed git\n", read(lock), "someone else's lock is never removed");

        Files.delete(lock);
        RepoUpdate after = RepoUpdate.write(changed, repo, true, false, null, Duration.ofMillis(300));
        assertTrue(after.commitId().isPresent(), "once the lock is gone the same render commits");
        try (Git git = git(repo)) {
            assertTrue(git.status().call().isClean());
        }
    }

    @Test
    void write_detachedHead_refusesAndWritesNothing() throws Exception {
        Path repo = renderedRepo();
        ObjectId commit = head(repo).orElseThrow();
        try (Git git = git(repo)) {
            git.checkout().setName(commit.name()).call();
        }
        SortedMap<String, String> before = workTree(repo);
        Generator.RenderResult changed = render(changedFleet("fleet"));

        GitAccessException e = assertThrows(GitAccessException.class, () -> write(changed, repo));

        assertEquals(ExitCodes.ACCESS, e.exitCode());
        assertEquals("HEAD is detached in " + repo + ": nothing was written\n    hint: check out a branch first"
                + " (git switch main); a commit on a detached HEAD is easily lost", e.getMessage());
        assertEquals(before, workTree(repo));
        assertEquals(commit, head(repo).orElseThrow());
        try (Git git = git(repo)) {
            assertEquals(commit.name(), git.getRepository().getFullBranch(), "still detached where it was");
            assertEquals(commit, git.getRepository().resolve("refs/heads/main"), "main did not move");
        }
    }

    @Test
    void write_detachedHead_dryRunStillShowsTheChange() throws Exception {
        Path repo = renderedRepo();
        try (Git git = git(repo)) {
            git.checkout().setName(head(repo).orElseThrow().name()).call();
        }

        RepoUpdate update = RepoUpdate.write(render(changedFleet("fleet")), repo, true, true, null);

        assertEquals(List.of(AKS_FELIX, EKS_FELIX), update.changes().stream().map(c -> c.path()).sorted().toList());
        assertTrue(update.commitId().isEmpty());
    }

    @Test
    void write_twoRendersOfDifferentClustersAtOnce_bothCommitAndNothingIsLost() throws Exception {
        Path repo = renderedRepo();
        Path fleet = changedFleet("fleet");
        Generator.RenderResult eks = render(fleet, "eks-dev");
        Generator.RenderResult aks = render(fleet, "aks-dev");
        String eksFelix = new String(eks.clusters().get(0).files().get("felixconfiguration-default.yaml"));
        String aksFelix = new String(aks.clusters().get(0).files().get("felixconfiguration-default.yaml"));

        List<RepoUpdate> updates = runTogether(
                () -> RepoUpdate.write(eks, repo, false, false, "render eks-dev"),
                () -> RepoUpdate.write(aks, repo, false, false, "render aks-dev"));

        assertTrue(updates.stream().allMatch(u -> u.commitId().isPresent()), "each render made its commit");
        assertEquals(3, commitCount(repo));
        SortedMap<String, String> committed = headFiles(repo);
        assertEquals(eksFelix, committed.get(EKS_FELIX));
        assertEquals(aksFelix, committed.get(AKS_FELIX));
        try (Git git = git(repo)) {
            assertTrue(git.status().call().isClean(), "work tree and index match the last commit");
            List<String> subjects = new ArrayList<>();
            for (RevCommit c : git.log().setMaxCount(2).call()) {
                subjects.add(c.getShortMessage());
                assertEquals(1, c.getFullMessage().lines().filter(l -> l.matches("  [AMD] .*")).count(),
                        "each commit holds only its own cluster's file:\n" + c.getFullMessage());
            }
            assertEquals(Set.of("render eks-dev", "render aks-dev"), Set.copyOf(subjects));
        }
    }

    @Test
    void write_twoRendersOfTheSameFleetAtOnce_oneCommitsTheOtherFindsNothingToDo() throws Exception {
        Path repo = renderedRepo();
        Generator.RenderResult changed = render(changedFleet("fleet"));

        List<RepoUpdate> updates = runTogether(() -> write(changed, repo), () -> write(changed, repo));

        assertEquals(1, updates.stream().filter(u -> u.commitId().isPresent()).count(), updates.toString());
        assertEquals(2, commitCount(repo));
        try (Git git = git(repo)) {
            assertTrue(git.status().call().isClean());
        }
    }

    @SafeVarargs
    private static List<RepoUpdate> runTogether(Callable<RepoUpdate>... jobs) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(jobs.length);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<RepoUpdate>> futures = new ArrayList<>();
            for (Callable<RepoUpdate> job : jobs) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return job.call();
                }));
            }
            start.countDown();
            List<RepoUpdate> out = new ArrayList<>();
            for (Future<RepoUpdate> f : futures) {
                out.add(f.get(2, TimeUnit.MINUTES));
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }
}
