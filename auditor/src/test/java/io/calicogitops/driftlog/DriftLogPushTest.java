package io.calicogitops.driftlog;

import io.calicogitops.diag.ExitCodes;
import io.calicogitops.diag.GitAccessException;
import io.calicogitops.git.GitRepo;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

import static io.calicogitops.driftlog.LogFixtures.denyTurnedInto;
import static io.calicogitops.driftlog.LogFixtures.emptySnapshot;
import static io.calicogitops.driftlog.LogFixtures.hour;
import static io.calicogitops.driftlog.LogFixtures.inSync;
import static io.calicogitops.driftlog.LogFixtures.report;
import static io.calicogitops.driftlog.LogFixtures.repoWithMain;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code audit --record --push}: recorders in separate clones of one bare repository push to its drift log at the same
 * time; a push refused as non-fast-forward is rebuilt on the remote's new tip, so no entry is lost and the chain holds.
 */
class DriftLogPushTest {

    private static final DriftLogPush PUSH = new DriftLogPush("origin", Optional.empty());

    @TempDir
    Path tmp;

    private Path bare() throws Exception {
        Path seed = tmp.resolve("seed");
        repoWithMain(seed).close();
        Path bare = tmp.resolve("origin.git");
        Git.cloneRepository().setURI(seed.toUri().toString()).setDirectory(bare.toFile()).setBare(true).call().close();
        return bare;
    }

    private Path cloneOf(Path bare, String name) throws Exception {
        Path dir = tmp.resolve(name);
        Git.cloneRepository().setURI(bare.toUri().toString()).setDirectory(dir.toFile()).call().close();
        return dir;
    }

    @Test
    void twoClonesRecordingAtOnce_remoteGetsEveryEntryInOneGaplessChain() throws Exception {
        Path bare = bare();
        List<Path> clones = List.of(cloneOf(bare, "cronjob-a"), cloneOf(bare, "cronjob-b"));
        int perClone = 6;
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<Void>> jobs = new ArrayList<>();
        for (int c = 0; c < clones.size(); c++) {
            Path clone = clones.get(c);
            int offset = c;
            jobs.add(() -> {
                start.await();
                try (GitRepo repo = GitRepo.open(clone)) {
                    for (int i = 0; i < perClone; i++) {
                        var entry = (offset + i) % 2 == 0 ? denyTurnedInto("pci", "Allow") : inSync("pci");
                        PUSH.append(repo, report("eks-prod", entry), emptySnapshot(), hour(i));
                    }
                }
                return null;
            });
        }
        run(jobs, start);

        int n = clones.size() * perClone;
        try (GitRepo origin = GitRepo.open(bare)) {
            DriftLog log = new DriftLog();
            List<LogEntry> entries = log.read(origin, "eks-prod", Optional.empty(), Optional.empty());
            assertEquals(LongStream.rangeClosed(1, n).boxed().toList(), entries.stream().map(LogEntry::seq).toList());
            VerifyResult result = log.verify(origin, Optional.empty());
            assertTrue(result.valid(), result.problems().toString());
            assertEquals(n, result.commits(), "one commit per entry, one straight line");
        }
        for (Path clone : clones) {
            try (GitRepo repo = GitRepo.open(clone)) {
                VerifyResult local = new DriftLog().verify(repo, Optional.empty());
                assertTrue(local.valid(), "the local branch only ever moved forward to pushed commits: " + local.problems());
            }
        }
    }

    @Test
    void recorderWhoseLocalLogIsBehind_buildsOnTheRemotesLatestEntry() throws Exception {
        Path bare = bare();
        Path a = cloneOf(bare, "a");
        Path b = cloneOf(bare, "b");
        try (GitRepo ra = GitRepo.open(a); GitRepo rb = GitRepo.open(b)) {
            PUSH.append(rb, report("eks-prod", inSync("x")), emptySnapshot(), hour(0));
            PUSH.append(ra, report("eks-prod", inSync("x")), emptySnapshot(), hour(1));
            PUSH.append(ra, report("eks-prod", inSync("x")), emptySnapshot(), hour(2));

            LogEntry fourth = PUSH.append(rb, report("eks-prod", denyTurnedInto("x", "Allow")), emptySnapshot(), hour(3));

            assertEquals(4, fourth.seq(), "b's own log still ended at entry 1; the remote's at 3");
            try (GitRepo origin = GitRepo.open(bare)) {
                List<LogEntry> entries = new DriftLog().read(origin, "eks-prod", Optional.empty(), Optional.empty());
                assertEquals(entries.get(2).hash(), fourth.prev());
                assertTrue(new DriftLog().verify(origin, Optional.empty()).valid());
            }
            assertEquals(rb.tip(DriftLog.BRANCH), rb.tip(PUSH.trackingRef()));
        }
    }

    @Test
    void entriesRecordedLocallyWithoutPush_arePushedWithTheNextOne() throws Exception {
        Path bare = bare();
        Path a = cloneOf(bare, "a");
        try (GitRepo ra = GitRepo.open(a)) {
            new DriftLog().append(ra, report("eks-prod", inSync("x")), emptySnapshot(), hour(0));

            PUSH.append(ra, report("eks-prod", inSync("x")), emptySnapshot(), hour(1));
        }

        try (GitRepo origin = GitRepo.open(bare)) {
            assertEquals(List.of(1L, 2L), new DriftLog().read(origin, "eks-prod", Optional.empty(), Optional.empty())
                    .stream().map(LogEntry::seq).toList());
        }
    }

    @Test
    void localAndRemoteLogsDiverged_refusesAndRecordsNothing() throws Exception {
        Path bare = bare();
        Path a = cloneOf(bare, "a");
        Path b = cloneOf(bare, "b");
        try (GitRepo ra = GitRepo.open(a); GitRepo rb = GitRepo.open(b); GitRepo origin = GitRepo.open(bare)) {
            PUSH.append(rb, report("eks-prod", inSync("x")), emptySnapshot(), hour(0));
            new DriftLog().append(ra, report("eks-prod", inSync("x")), emptySnapshot(), hour(1));
            Optional<String> remoteBefore = origin.tip(DriftLog.BRANCH);
            Optional<String> localBefore = ra.tip(DriftLog.BRANCH);

            GitAccessException e = assertThrows(GitAccessException.class,
                    () -> PUSH.append(ra, report("eks-prod", inSync("x")), emptySnapshot(), hour(2)));

            assertEquals(ExitCodes.ACCESS, e.exitCode());
            assertTrue(e.getMessage().startsWith("the drift log here and on origin have diverged"), e.getMessage());
            assertEquals(remoteBefore, origin.tip(DriftLog.BRANCH));
            assertEquals(localBefore, ra.tip(DriftLog.BRANCH));
        }
    }

    @Test
    void remoteLogForcePushedWithAForgedChain_refusesSaysItWasRewrittenAndLeavesTheLocalLogAlone() throws Exception {
        Path bare = bare();
        Path a = cloneOf(bare, "a");
        Path b = cloneOf(bare, "b");
        try (GitRepo ra = GitRepo.open(a); GitRepo rb = GitRepo.open(b); GitRepo origin = GitRepo.open(bare)) {
            LogEntry first = PUSH.append(ra, report("eks-prod", inSync("x")), emptySnapshot(), hour(0));
            PUSH.append(rb, report("eks-prod", inSync("x")), emptySnapshot(), hour(1));
            PUSH.append(ra, report("eks-prod", inSync("x")), emptySnapshot(), hour(2));
            // Mallory rewrites the remote's whole log consistently (as a force-push of a forged chain leaves it).
            List<java.util.SortedMap<String, byte[]>> forged = new ArrayList<>();
            String prev = LogEntryJson.GENESIS;
            for (var c : origin.history(DriftLog.BRANCH)) {
                var step = new java.util.TreeMap<String, byte[]>();
                for (String path : c.paths().keySet()) {
                    var e = LogEntryJson.parse(origin.readFile(c.id(), path).orElseThrow());
                    e.put("inSync", false);
                    var sealed = LogForgery.resealed(e, e.get("seq").asLong(), prev);
                    prev = sealed.get("hash").asText();
                    step.put(path, LogForgery.bytes(sealed));
                }
                forged.add(step);
            }
            String forgedTip = LogForgery.rewrite(origin, forged);
            Optional<String> localBefore = rb.tip(DriftLog.BRANCH);

            for (int attempt = 1; attempt <= 2; attempt++) {
                GitAccessException e = assertThrows(GitAccessException.class,
                        () -> PUSH.append(rb, report("eks-prod", inSync("x")), emptySnapshot(), hour(3)));

                assertEquals(ExitCodes.ACCESS, e.exitCode());
                assertTrue(e.getMessage().startsWith("the remote drift log was rewritten: calico-gitops/audit-log on origin no"
                        + " longer contains local entry seq 1 of eks-prod (log/eks-prod/000000001.json, hash "
                        + first.hash().substring(0, 12) + "), which this repository saw there before; refusing to adopt it;"),
                        "attempt " + attempt + ": " + e.getMessage());
                assertTrue(e.getMessage().contains("hint: run 'calico-gitops log verify'"), e.getMessage());
                assertEquals(localBefore, rb.tip(DriftLog.BRANCH), "the local log is untouched");
                assertEquals(Optional.of(forgedTip), origin.tip(DriftLog.BRANCH), "nothing was pushed onto the forgery");
            }
        }
    }

    @Test
    void remoteLogDeleted_refusesInsteadOfStartingItAgain() throws Exception {
        Path bare = bare();
        Path a = cloneOf(bare, "a");
        try (GitRepo ra = GitRepo.open(a)) {
            PUSH.append(ra, report("eks-prod", inSync("x")), emptySnapshot(), hour(0));
            try (Git git = Git.open(bare.toFile())) {
                git.branchDelete().setBranchNames(DriftLog.BRANCH).setForce(true).call();
            }

            GitAccessException e = assertThrows(GitAccessException.class,
                    () -> PUSH.append(ra, report("eks-prod", inSync("x")), emptySnapshot(), hour(1)));

            assertTrue(e.getMessage().startsWith("the remote drift log was rewritten: calico-gitops/audit-log on origin was"
                    + " deleted, so it no longer contains local entry seq 1 of eks-prod"), e.getMessage());
        }
    }

    @Test
    void failedAudit_isPushedToo() throws Exception {
        Path bare = bare();
        Path a = cloneOf(bare, "a");
        try (GitRepo ra = GitRepo.open(a)) {
            PUSH.appendFailure(ra, new AuditFailure("eks-prod", "HEAD", Optional.empty(), "context prod",
                    "list tiers.projectcalico.org/v3 in context 'prod' failed after 3 attempts: timed out"), hour(0));
        }

        try (GitRepo origin = GitRepo.open(bare)) {
            LogEntry only = new DriftLog().read(origin, "eks-prod", Optional.empty(), Optional.empty()).get(0);
            assertTrue(only.failed());
            assertEquals(Map.of("eks-prod", 1L), new DriftLog().verify(origin, Optional.empty()).entries());
        }
    }

    private static void run(List<Callable<Void>> jobs, CountDownLatch start) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(jobs.size());
        try {
            List<Future<Void>> futures = new ArrayList<>();
            jobs.forEach(j -> futures.add(pool.submit(j)));
            start.countDown();
            for (Future<Void> f : futures) {
                f.get(5, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
