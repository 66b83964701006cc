package io.calicogitops.driftlog;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calicogitops.audit.DriftSeverity;
import io.calicogitops.audit.DriftStatus;
import io.calicogitops.diag.GitAccessException;
import io.calicogitops.diag.UsageException;
import io.calicogitops.git.BranchCommit;
import io.calicogitops.git.GitRepo;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static io.calicogitops.driftlog.LogFixtures.COMMIT;
import static io.calicogitops.driftlog.LogFixtures.denyTurnedInto;
import static io.calicogitops.driftlog.LogFixtures.emptySnapshot;
import static io.calicogitops.driftlog.LogFixtures.hour;
import static io.calicogitops.driftlog.LogFixtures.inSync;
import static io.calicogitops.driftlog.LogFixtures.missing;
import static io.calicogitops.driftlog.LogFixtures.report;
import static io.calicogitops.driftlog.LogFixtures.repoWithMain;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link DriftLog#append}: what an entry holds, how entries chain, and where they are written (and not written). */
class DriftLogAppendTest {

    private final DriftLog log = new DriftLog();

    @TempDir
    Path tmp;

    @Test
    void append_first_createsOrphanBranchWithEntryOneLinkedToZeros() throws Exception {
        try (GitRepo repo = repoWithMain(tmp.resolve("r"))) {
            LogEntry e = log.append(repo, report("eks-prod", inSync("a")), emptySnapshot(), hour(1));

            assertEquals(1, e.seq());
            assertEquals("0".repeat(64), e.prev());
            assertEquals("log/eks-prod/000000001.json", e.path());
            List<BranchCommit> history = repo.history(DriftLog.BRANCH);
            assertEquals(1, history.size());
            assertEquals(List.of(), history.get(0).parents(), "the log shares no history with main");
            assertEquals(List.of("log/eks-prod/000000001.json"), repo.listFiles(history.get(0).id(), ""));
        }
    }

    @Test
    void append_entry_holdsTheAuditResultAndSealsItWithAHashOverItsCanonicalJson() {
        try (GitRepo repo = repoWithMain(tmp.resolve("r"))) {
            LogEntry e = log.append(repo, report("eks-prod", inSync("a"), denyTurnedInto("pci", "Allow"), missing("gone")),
                    emptySnapshot(), hour(1).plusMillis(750));

            assertEquals(hour(1), e.time(), "times are recorded to the second");
            assertEquals("eks-prod", e.cluster());
            assertEquals(Optional.of(COMMIT), e.desiredCommit());
            assertEquals("HEAD", e.desiredRef());
            assertEquals("files: live.yaml", e.liveSource());
            assertFalse(e.inSync());
            assertEquals(Map.of("inSync", 1L, "modified", 1L, "missing", 1L, "unmanaged", 0L, "ignored", 0L), e.summary());
            assertEquals(List.of("pci", "gone"), e.drift().stream().map(LoggedDrift::name).toList(), "in-sync entries are not drift");
            assertEquals(DriftStatus.MODIFIED, e.drift().get(0).status());
            assertEquals(DriftSeverity.CRITICAL, e.drift().get(0).severity());
            assertEquals(List.of("egress rule 1: action Deny -> Allow"), e.drift().get(0).sentences());
            assertEquals(Optional.empty(), e.error());

            byte[] file = repo.readFile(repo.tip(DriftLog.BRANCH).orElseThrow(), e.path()).orElseThrow();
            ObjectNode json = LogEntryJson.parse(file);
            assertEquals(e.hash(), LogEntryJson.hashOf(json));
            ObjectNode withoutHash = json.deepCopy();
            withoutHash.remove("hash");
            assertEquals(e.hash(), CanonicalJson.sha256(withoutHash));
            assertArrayEquals(LogEntryJson.fileBytes(json), file, "the file is the canonical JSON and a newline");
            assertEquals("calico-gitops/drift-log/v1", json.get("schemaVersion").asText());
            assertEquals("2026-03-01T01:00:00Z", json.get("time").asText());
        }
    }

    @Test
    void append_second_linksToTheFirstEntrysHash() {
        try (GitRepo repo = repoWithMain(tmp.resolve("r"))) {
            LogEntry one = log.append(repo, report("eks-prod", inSync("a")), emptySnapshot(), hour(1));
            LogEntry two = log.append(repo, report("eks-prod", denyTurnedInto("pci", "Allow")), emptySnapshot(), hour(2));

            assertEquals(2, two.seq());
            assertEquals(one.hash(), two.prev());
            assertEquals(List.of(one, two), log.read(repo, "eks-prod", Optional.empty(), Optional.empty()));
        }
    }

    @Test
    void append_twoClusters_eachHasItsOwnChainInOneLinearHistory() {
        try (GitRepo repo = repoWithMain(tmp.resolve("r"))) {
            LogEntry p1 = log.append(repo, report("eks-prod", inSync("a")), emptySnapshot(), hour(1));
            LogEntry d1 = log.append(repo, report("aks-dev", inSync("a")), emptySnapshot(), hour(1));
            LogEntry p2 = log.append(repo, report("eks-prod", inSync("a")), emptySnapshot(), hour(2));

            assertEquals(List.of(1L, 1L, 2L), List.of(p1.seq(), d1.seq(), p2.seq()));
            assertEquals("0".repeat(64), d1.prev());
            assertEquals(p1.hash(), p2.prev());
            assertEquals(3, repo.history(DriftLog.BRANCH).size());
            assertTrue(log.verify(repo, Optional.empty()).valid());
        }
    }

    @Test
    void append_commitMessage_namesClusterSeqAndVerdict() {
        try (GitRepo repo = repoWithMain(tmp.resolve("r"))) {
            log.append(repo, report("eks-prod", inSync("a")), emptySnapshot(), hour(1));
            log.append(repo, report("eks-prod", denyTurnedInto("pci", "Allow"), missing("x")), emptySnapshot(), hour(2));
            log.appendFailure(repo, new AuditFailure("eks-prod", "HEAD", Optional.empty(), "context prod", "forbidden"), hour(3));

            List<String> subjects = repo.history(DriftLog.BRANCH).stream().map(c -> c.message().lines().findFirst().orElse("")).toList();

            assertEquals(List.of("audit eks-prod #1: in sync", "audit eks-prod #2: drift (2 critical)",
                    "audit eks-prod #3: failed: forbidden"), subjects);
        }
    }

    @Test
    void append_neverChangesMainsHeadIndexOrWorkTree() throws Exception {
        Path dir = tmp.resolve("r");
        try (GitRepo repo = repoWithMain(dir)) {
            Files.writeString(dir.resolve("clusters/eks-prod/tier-security.yaml"), "kind: Tier # edited, not committed\n");
            Files.writeString(dir.resolve("untracked.txt"), "mine\n");
            String head = repo.resolve("HEAD").orElseThrow().name();
            byte[] index = Files.readAllBytes(dir.resolve(".git/index"));
            Set<String> before = workTree(dir);

            log.append(repo, report("eks-prod", denyTurnedInto("pci", "Allow")), emptySnapshot(), hour(1));
            log.append(repo, report("eks-prod", inSync("a")), emptySnapshot(), hour(2));

            assertEquals(head, repo.resolve("HEAD").orElseThrow().name());
            assertEquals("refs/heads/main", repo.repository().getFullBranch());
            assertArrayEquals(index, Files.readAllBytes(dir.resolve(".git/index")));
            assertEquals(before, workTree(dir));
            assertEquals("kind: Tier # edited, not committed\n", Files.readString(dir.resolve("clusters/eks-prod/tier-security.yaml")));
            try (Git git = Git.open(dir.toFile())) {
                var status = git.status().call();
                assertEquals(Set.of("clusters/eks-prod/tier-security.yaml"), status.getModified());
                assertEquals(Set.of("untracked.txt"), status.getUntracked());
            }
        }
    }

    @Test
    void append_bareRepository_recordsAndVerifies() throws Exception {
        Path bare = tmp.resolve("bare.git");
        Git.init().setBare(true).setDirectory(bare.toFile()).setInitialBranch("main").call().close();
        try (GitRepo repo = GitRepo.open(bare)) {
            log.append(repo, report("eks-prod", inSync("a")), emptySnapshot(), hour(1));
            log.append(repo, report("eks-prod", inSync("a")), emptySnapshot(), hour(2));

            VerifyResult result = log.verify(repo, Optional.empty());

            assertTrue(result.valid(), result.problems().toString());
            assertEquals(Map.of("eks-prod", 2L), result.entries());
            assertEquals(2, repo.reflog(DriftLog.BRANCH).size(), "bare repositories keep the log's reflog too");
        }
    }

    @Test
    void appendFailure_recordsTheErrorWithoutDigestOrDrift() {
        try (GitRepo repo = repoWithMain(tmp.resolve("r"))) {
            LogEntry e = log.appendFailure(repo, new AuditFailure("eks-prod", "main", Optional.of(COMMIT), "context prod",
                    "list globalnetworkpolicies in context 'prod': forbidden"), hour(1));

            assertTrue(e.failed());
            assertEquals("failed", e.verdict());
            assertFalse(e.inSync());
            assertEquals(Optional.empty(), e.liveDigest());
            assertEquals(List.of(), e.drift());
            assertEquals(Map.of(), e.summary());
            assertEquals(Optional.of("list globalnetworkpolicies in context 'prod': forbidden"), e.error());
            assertEquals(List.of(e), log.read(repo, "eks-prod", Optional.empty(), Optional.empty()));
        }
    }

    @Test
    void append_onADamagedLastEntry_refusesAndPointsAtVerify() {
        try (GitRepo repo = repoWithMain(tmp.resolve("r"))) {
            log.append(repo, report("eks-prod", inSync("a")), emptySnapshot(), hour(1));
            LogForgery.commit(repo, Map.of("log/eks-prod/000000002.json", "{not json".getBytes(StandardCharsets.UTF_8)), Set.of());

            GitAccessException e = assertThrows(GitAccessException.class,
                    () -> log.append(repo, report("eks-prod", inSync("a")), emptySnapshot(), hour(2)));

            assertTrue(e.getMessage().startsWith("the drift log is damaged: log/eks-prod/000000002.json"), e.getMessage());
            assertTrue(e.getMessage().contains("log verify --cluster eks-prod"), e.getMessage());
        }
    }

    @Test
    void append_whileAStaleLockFileHoldsTheBranch_givesUpNamingTheLock() throws Exception {
        Path dir = tmp.resolve("r");
        try (GitRepo repo = repoWithMain(dir)) {
            LogEntry one = log.append(repo, report("eks-prod", inSync("a")), emptySnapshot(), hour(1));
            // What a recorder killed between taking and releasing the ref's lock leaves behind.
            Files.writeString(dir.resolve(".git/refs/heads/calico-gitops/audit-log.lock"), "");

            GitAccessException e = assertThrows(GitAccessException.class,
                    () -> log.append(repo, report("eks-prod", inSync("a")), emptySnapshot(), hour(2)));

            assertTrue(e.getMessage().contains("stayed locked"), e.getMessage());
            assertTrue(e.getMessage().contains("audit-log.lock"), e.getMessage());
            assertEquals(List.of(one), log.read(repo, "eks-prod", Optional.empty(), Optional.empty()));
        }
    }

    @Test
    void append_clusterNameThatIsNoDnsLabel_isAUsageError() {
        try (GitRepo repo = repoWithMain(tmp.resolve("r"))) {
            assertThrows(UsageException.class, () -> log.append(repo, report("../main", inSync("a")), emptySnapshot(), hour(1)));
            assertEquals(Optional.empty(), repo.tip(DriftLog.BRANCH));
        }
    }

    @Test
    void read_entries_writtenBackAsJsonHashToTheirRecordedHash() {
        try (GitRepo repo = repoWithMain(tmp.resolve("r"))) {
            log.append(repo, report("eks-prod", denyTurnedInto("pci", "Allow"), missing("gone")), emptySnapshot(), hour(1));
            log.appendFailure(repo, new AuditFailure("eks-prod", "HEAD", Optional.empty(), "context prod", "timed out"), hour(2));

            for (LogEntry e : log.read(repo, "eks-prod", Optional.empty(), Optional.empty())) {
                assertEquals(e.hash(), LogEntryJson.hashOf(LogEntryJson.toJson(e)), "entry " + e.seq());
            }
        }
    }

    @Test
    void read_window_keepsEntriesWithinSinceAndUntilInclusive() {
        try (GitRepo repo = repoWithMain(tmp.resolve("r"))) {
            for (int h = 1; h <= 5; h++) {
                log.append(repo, report("eks-prod", inSync("a")), emptySnapshot(), hour(h));
            }

            List<LogEntry> window = log.read(repo, "eks-prod", Optional.of(hour(2)), Optional.of(hour(4)));

            assertEquals(List.of(2L, 3L, 4L), window.stream().map(LogEntry::seq).toList());
            assertEquals(List.of(), log.read(repo, "aks-dev", Optional.empty(), Optional.empty()));
        }
    }

    @Test
    void read_and_verify_withoutAnyRecord_areEmptyAndValid() {
        try (GitRepo repo = repoWithMain(tmp.resolve("r"))) {
            VerifyResult result = log.verify(repo, Optional.empty());

            assertEquals(List.of(), log.read(repo, "eks-prod", Optional.empty(), Optional.empty()));
            assertTrue(result.valid());
            assertEquals(Optional.empty(), result.tip());
            assertEquals(0, result.totalEntries());
        }
    }

    private static Set<String> workTree(Path dir) throws Exception {
        try (var walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString())
                    .filter(p -> !p.startsWith(".git")).collect(java.util.stream.Collectors.toSet());
        }
    }
}
