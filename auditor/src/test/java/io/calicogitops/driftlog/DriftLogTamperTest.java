package io.calicogitops.driftlog;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calicogitops.git.GitRepo;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

import static io.calicogitops.driftlog.LogFixtures.denyTurnedInto;
import static io.calicogitops.driftlog.LogFixtures.emptySnapshot;
import static io.calicogitops.driftlog.LogFixtures.hour;
import static io.calicogitops.driftlog.LogFixtures.inSync;
import static io.calicogitops.driftlog.LogFixtures.report;
import static io.calicogitops.driftlog.LogFixtures.repoWithMain;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link DriftLog#verify} against what someone with push access could do to the log branch: each tampering is found
 * and named at the entry where the chain breaks.
 */
class DriftLogTamperTest {

    private static final String CLUSTER = "eks-prod";

    private final DriftLog log = new DriftLog();

    @TempDir
    Path tmp;

    private GitRepo repo;

    /** Six entries of eks-prod (drift in 3 and 4) and two of aks-dev, interleaved. */
    @BeforeEach
    void recordSomeAudits() {
        repo = repoWithMain(tmp.resolve("r"));
        for (int i = 1; i <= 6; i++) {
            var entries = i == 3 || i == 4 ? denyTurnedInto("pci", "Allow") : inSync("pci");
            log.append(repo, report(CLUSTER, entries), emptySnapshot(), hour(i));
            if (i % 3 == 0) {
                log.append(repo, report("aks-dev", inSync("a")), emptySnapshot(), hour(i));
            }
        }
        assertTrue(log.verify(repo, Optional.empty()).valid(), "untouched log verifies");
    }

    @AfterEach
    void close() {
        repo.close();
    }

    private static String path(long seq) {
        return LogPaths.of(CLUSTER, seq);
    }

    private VerifyResult verify() {
        return log.verify(repo, Optional.empty());
    }

    private static List<String> messages(VerifyResult r) {
        return r.problems().stream().map(LogProblem::format).toList();
    }

    private static boolean has(VerifyResult r, LogProblem.Kind kind, String formatted) {
        return r.problems().stream().anyMatch(p -> p.kind() == kind && p.format().equals(formatted));
    }

    @Test
    void editVerdictInANewCommit_isAHashMismatchAndARewrite() {
        ObjectNode e = LogForgery.entry(repo, path(3));
        e.put("inSync", true);
        e.putArray("drift");
        LogForgery.commit(repo, Map.of(path(3), LogForgery.bytes(e)), Set.of());

        VerifyResult r = verify();

        assertFalse(r.valid());
        assertTrue(has(r, LogProblem.Kind.HASH_MISMATCH,
                "log/eks-prod/000000003.json: hash mismatch: entry was edited after it was recorded"), messages(r).toString());
        assertTrue(r.problems().stream().anyMatch(p -> p.kind() == LogProblem.Kind.REWRITTEN && p.where().equals(path(3))
                && p.message().startsWith("changed in commit ")), messages(r).toString());
        assertEquals(2, r.problems().size(), "entry 4 still links to the hash entry 3 was recorded with: " + messages(r));
    }

    @Test
    void editWithRecomputedHash_breaksTheLinkOfTheNextEntry() {
        ObjectNode e = LogForgery.entry(repo, path(3));
        e.put("inSync", true);
        ObjectNode forged = LogForgery.resealed(e, 3, e.get("prev").asText());
        LogForgery.commit(repo, Map.of(path(3), LogForgery.bytes(forged)), Set.of());

        VerifyResult r = verify();

        assertTrue(has(r, LogProblem.Kind.PREV_MISMATCH,
                "log/eks-prod/000000004.json: entry 4 does not follow entry 3 (prev hash mismatch)"), messages(r).toString());
        assertFalse(r.problems().stream().anyMatch(p -> p.kind() == LogProblem.Kind.HASH_MISMATCH), messages(r).toString());
    }

    @Test
    void deleteAnEntry_isASeqGapAndADeletion() {
        LogForgery.commit(repo, Map.of(), Set.of(path(4)));

        VerifyResult r = verify();

        assertTrue(has(r, LogProblem.Kind.SEQ_GAP, "log/eks-prod/000000005.json: missing entry 4 (seq jumps 3 -> 5)"),
                messages(r).toString());
        assertTrue(r.problems().stream().anyMatch(p -> p.kind() == LogProblem.Kind.REWRITTEN
                && p.format().startsWith("log/eks-prod/000000004.json: deleted in commit ")), messages(r).toString());
        assertEquals(2, r.problems().size(), messages(r).toString());
    }

    @Test
    void deleteTheLastEntry_isFoundInTheHistory() {
        LogForgery.commit(repo, Map.of(), Set.of(path(6)));

        VerifyResult r = verify();

        assertEquals(List.of(LogProblem.Kind.REWRITTEN), r.problems().stream().map(LogProblem::kind).toList(), messages(r).toString());
        assertEquals(path(6), r.firstProblem().orElseThrow().where());
    }

    @Test
    void swapTwoEntries_isFoundAsMisplacedEntries() {
        byte[] three = repo.readFile(repo.tip(DriftLog.BRANCH).orElseThrow(), path(3)).orElseThrow();
        byte[] four = repo.readFile(repo.tip(DriftLog.BRANCH).orElseThrow(), path(4)).orElseThrow();
        LogForgery.commit(repo, Map.of(path(3), four, path(4), three), Set.of());

        VerifyResult r = verify();

        assertTrue(has(r, LogProblem.Kind.MISPLACED,
                "log/eks-prod/000000003.json: holds entry 4 of eks-prod: entries were moved, swapped or renamed"), messages(r).toString());
        assertTrue(has(r, LogProblem.Kind.MISPLACED,
                "log/eks-prod/000000004.json: holds entry 3 of eks-prod: entries were moved, swapped or renamed"), messages(r).toString());
    }

    @Test
    void reorderTwoEntriesRenumberedAndResealed_breaksThePrevLinks() {
        ObjectNode three = LogForgery.entry(repo, path(3));
        ObjectNode four = LogForgery.entry(repo, path(4));
        // The forger renumbers the swapped entries and recomputes their hashes but cannot fix the links around them
        // without rewriting every later entry too.
        ObjectNode newThree = LogForgery.resealed(four, 3, four.get("prev").asText());
        ObjectNode newFour = LogForgery.resealed(three, 4, three.get("prev").asText());
        LogForgery.commit(repo, Map.of(path(3), LogForgery.bytes(newThree), path(4), LogForgery.bytes(newFour)), Set.of());

        VerifyResult r = verify();

        assertTrue(has(r, LogProblem.Kind.PREV_MISMATCH,
                "log/eks-prod/000000003.json: entry 3 does not follow entry 2 (prev hash mismatch)"), messages(r).toString());
        assertFalse(r.valid());
    }

    @Test
    void forgedHistoryWithRecomputedChainWithoutAnEntry_isASeqGap() throws Exception {
        rewriteWithout(3, true);
        // A rewrite in another clone leaves no trace in this repository's reflog: the seq numbers must tell.
        Files.deleteIfExists(tmp.resolve("r/.git/logs/refs/heads/calico-gitops/audit-log"));

        VerifyResult r = verify();

        assertEquals(List.of("log/eks-prod/000000004.json: missing entry 3 (seq jumps 2 -> 4)"), messages(r));
    }

    @Test
    void forgedHistoryPushedOverTheBranch_isFoundInTheReflog() {
        rewriteWithout(3, true);

        VerifyResult r = verify();

        assertEquals(LogProblem.Kind.HISTORY_REWRITTEN, r.firstProblem().orElseThrow().kind(), messages(r).toString());
        assertTrue(r.firstProblem().orElseThrow().format().startsWith(
                "refs/heads/calico-gitops/audit-log: the branch was rewritten: commit "), messages(r).toString());
        assertTrue(has(r, LogProblem.Kind.SEQ_GAP, "log/eks-prod/000000004.json: missing entry 3 (seq jumps 2 -> 4)"));
    }

    @Test
    void branchMovedBackToAnOlderTip_dropsTheLastEntriesAndIsFoundInTheReflog() {
        String older = repo.history(DriftLog.BRANCH).get(3).id();
        LogForgery.reset(repo, older);

        VerifyResult r = verify();

        assertEquals(List.of(LogProblem.Kind.HISTORY_REWRITTEN), r.problems().stream().map(LogProblem::kind).toList(), messages(r).toString());
    }

    @Test
    void mergeCommitOnTheBranch_isNotLinear() {
        LogForgery.mergeSideBranch(repo, "log/eks-prod/000000099.json", "{}".getBytes(StandardCharsets.UTF_8));

        VerifyResult r = verify();

        assertEquals(LogProblem.Kind.NOT_LINEAR, r.firstProblem().orElseThrow().kind(), messages(r).toString());
        assertTrue(r.firstProblem().orElseThrow().message().contains("merges 2 histories"), messages(r).toString());
    }

    @Test
    void entryEditedWithoutNewCommitInAForgedHistory_isStillAHashMismatch() {
        List<SortedMap<String, byte[]>> steps = steps();
        ObjectNode two = LogEntryJson.parse(steps.get(1).get(path(2)));
        two.put("liveSource", "files: something-else.yaml");
        steps.set(1, new TreeMap<>(Map.of(path(2), LogForgery.bytes(two))));
        LogForgery.rewrite(repo, steps);

        VerifyResult r = log.verify(repo, Optional.of(CLUSTER));

        assertTrue(has(r, LogProblem.Kind.HASH_MISMATCH,
                "log/eks-prod/000000002.json: hash mismatch: entry was edited after it was recorded"), messages(r).toString());
    }

    @Test
    void fileThatIsNoEntry_isReported() {
        LogForgery.commit(repo, Map.of("log/eks-prod/notes.txt", "hello".getBytes(StandardCharsets.UTF_8),
                "log/eks-prod/000000007.json", "{\"seq\":".getBytes(StandardCharsets.UTF_8)), Set.of());

        VerifyResult r = verify();

        assertEquals(List.of(LogProblem.Kind.UNREADABLE, LogProblem.Kind.UNREADABLE),
                r.problems().stream().map(LogProblem::kind).toList(), messages(r).toString());
    }

    @Test
    void clusterFilter_checksOnlyThatClustersEntries() {
        LogForgery.commit(repo, Map.of(), Set.of(path(4)));

        VerifyResult other = log.verify(repo, Optional.of("aks-dev"));
        VerifyResult mine = log.verify(repo, Optional.of(CLUSTER));

        assertTrue(other.valid(), messages(other).toString());
        assertEquals(Map.of("aks-dev", 2L), other.entries());
        assertFalse(mine.valid());
    }

    /** The history as it was recorded: one step per commit, each with the file it added. */
    private List<SortedMap<String, byte[]>> steps() {
        List<SortedMap<String, byte[]>> out = new ArrayList<>();
        for (var c : repo.history(DriftLog.BRANCH)) {
            SortedMap<String, byte[]> step = new TreeMap<>();
            c.paths().keySet().forEach(p -> step.put(p, repo.readFile(c.id(), p).orElseThrow()));
            out.add(step);
        }
        return out;
    }

    /** Rebuilds the history without eks-prod entry {@code seq}, re-linking later entries (seq numbers kept). */
    private void rewriteWithout(long seq, boolean relink) {
        List<SortedMap<String, byte[]>> forged = new ArrayList<>();
        String prev = null;
        for (SortedMap<String, byte[]> step : steps()) {
            SortedMap<String, byte[]> copy = new TreeMap<>();
            for (var f : step.entrySet()) {
                if (f.getKey().equals(path(seq))) {
                    continue;
                }
                if (relink && f.getKey().startsWith("log/" + CLUSTER + "/")) {
                    ObjectNode e = LogEntryJson.parse(f.getValue());
                    ObjectNode sealed = LogForgery.resealed(e, e.get("seq").asLong(), prev == null ? e.get("prev").asText() : prev);
                    prev = sealed.get("hash").asText();
                    copy.put(f.getKey(), LogForgery.bytes(sealed));
                } else {
                    copy.put(f.getKey(), f.getValue());
                }
            }
            if (!copy.isEmpty()) {
                forged.add(copy);
            }
        }
        LogForgery.rewrite(repo, forged);
    }
}
