package io.calicogitops.driftlog;

import io.calicogitops.git.BranchCommit;
import io.calicogitops.git.GitRepo;
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
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Recorders appending at the same time, in one process or several, lose no entry and leave no gap. */
class DriftLogConcurrencyTest {

    private static final int THREADS = 8;
    private static final int APPENDS = 25;

    @TempDir
    Path tmp;

    @Test
    void eightThreadsSharingOneRepository_append200EntriesWithSeq1To200AndAValidChain() throws Exception {
        Path dir = tmp.resolve("r");
        try (GitRepo repo = repoWithMain(dir)) {
            runAll(THREADS, t -> repo);

            assertCompleteLog(repo, "eks-prod", THREADS * APPENDS);
        }
    }

    @Test
    void twoRepositoryInstancesOnOnePath_likeTwoProcesses_append200EntriesWithoutLoss() throws Exception {
        Path dir = tmp.resolve("r");
        repoWithMain(dir).close();
        try (GitRepo a = GitRepo.open(dir); GitRepo b = GitRepo.open(dir)) {
            runAll(THREADS, t -> t % 2 == 0 ? a : b);
        }

        try (GitRepo repo = GitRepo.open(dir)) {
            assertCompleteLog(repo, "eks-prod", THREADS * APPENDS);
        }
    }

    @Test
    void recordersOfDifferentClusters_interleaveCommitsButKeepOneGaplessChainEach() throws Exception {
        Path dir = tmp.resolve("r");
        try (GitRepo repo = repoWithMain(dir)) {
            List<Callable<Void>> jobs = new ArrayList<>();
            CountDownLatch start = new CountDownLatch(1);
            DriftLog log = new DriftLog();
            for (String cluster : List.of("eks-prod", "aks-dev", "eks-dev", "aks-prod")) {
                jobs.add(() -> {
                    start.await();
                    for (int i = 0; i < 10; i++) {
                        log.append(repo, report(cluster, inSync("a")), emptySnapshot(), hour(i));
                    }
                    return null;
                });
            }
            run(jobs, start);

            VerifyResult result = log.verify(repo, Optional.empty());
            assertTrue(result.valid(), result.problems().toString());
            assertEquals(Map.of("aks-dev", 10L, "aks-prod", 10L, "eks-dev", 10L, "eks-prod", 10L), result.entries());
            assertEquals(40, result.commits());
        }
    }

    private interface RepoForThread {
        GitRepo of(int thread);
    }

    private static void runAll(int threads, RepoForThread repos) throws Exception {
        DriftLog log = new DriftLog();
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<Void>> jobs = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            GitRepo repo = repos.of(t);
            int thread = t;
            jobs.add(() -> {
                start.await();
                for (int i = 0; i < APPENDS; i++) {
                    var entry = (thread + i) % 3 == 0 ? denyTurnedInto("pci", "Allow") : inSync("pci");
                    log.append(repo, report("eks-prod", entry), emptySnapshot(), hour(i));
                }
                return null;
            });
        }
        run(jobs, start);
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

    private static void assertCompleteLog(GitRepo repo, String cluster, int n) {
        DriftLog log = new DriftLog();
        List<LogEntry> entries = log.read(repo, cluster, Optional.empty(), Optional.empty());
        assertEquals(LongStream.rangeClosed(1, n).boxed().toList(), entries.stream().map(LogEntry::seq).toList());
        for (int i = 1; i < entries.size(); i++) {
            assertEquals(entries.get(i - 1).hash(), entries.get(i).prev(), "link " + (i + 1));
        }
        VerifyResult result = log.verify(repo, Optional.of(cluster));
        assertTrue(result.valid(), result.problems().toString());
        List<BranchCommit> history = repo.history(DriftLog.BRANCH);
        assertEquals(n, history.size(), "one commit per entry");
        assertTrue(history.stream().allMatch(c -> c.parents().size() <= 1 && c.paths().size() == 1));
    }
}
