package io.calicogitops.driftlog;

import io.calicogitops.diag.UsageException;
import io.calicogitops.git.GitRepo;
import io.calicogitops.signing.SigningKeys;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

import static io.calicogitops.driftlog.LogFixtures.emptySnapshot;
import static io.calicogitops.driftlog.LogFixtures.hour;
import static io.calicogitops.driftlog.LogFixtures.inSync;
import static io.calicogitops.driftlog.LogFixtures.report;
import static io.calicogitops.driftlog.LogFixtures.repoWithMain;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Dropping the newest entries leaves a consistent, correctly signed chain; only an anchor kept outside the log, a signed
 * checkpoint or an expected count, finds the cut.
 */
class DriftLogCheckpointTest {

    private static final String CLUSTER = "eks-prod";
    private static final KeyPair KEYS = SigningKeys.generate();

    private final DriftLog log = new DriftLog().signingWith(KEYS.getPrivate());

    @TempDir
    Path tmp;

    private GitRepo repo;

    @BeforeEach
    void sixSignedEntries() {
        repo = repoWithMain(tmp.resolve("r"));
        for (int i = 1; i <= 6; i++) {
            log.append(repo, report(CLUSTER, inSync("a")), emptySnapshot(), hour(i));
            if (i == 3) {
                log.append(repo, report("aks-dev", inSync("a")), emptySnapshot(), hour(i));
            }
        }
    }

    @AfterEach
    void close() {
        repo.close();
    }

    private static VerifyOptions options(OptionalLong atLeast, Map<String, LogCheckpoint> checkpoints) {
        return new VerifyOptions(Optional.empty(), Optional.of(KEYS.getPublic()), atLeast, new TreeMap<>(checkpoints));
    }

    private static List<String> messages(VerifyResult r) {
        return r.problems().stream().map(LogProblem::format).toList();
    }

    /** Moves the branch back to the commit that added eks-prod entry 4 and forgets the reflog. */
    private void dropNewestTwo() throws Exception {
        String entry4 = repo.history(DriftLog.BRANCH).stream()
                .filter(c -> c.paths().containsKey(LogPaths.of(CLUSTER, 4))).findFirst().orElseThrow().id();
        LogForgery.reset(repo, entry4);
        Files.deleteIfExists(tmp.resolve("r/.git/logs/" + DriftLog.BRANCH));
    }

    @Test
    void checkpoint_isOfTheNewestEntryAndSignedWithTheKey() {
        LogCheckpoint c = log.checkpoint(repo, CLUSTER, KEYS.getPrivate()).checkpoint().orElseThrow();

        assertEquals(CLUSTER, c.cluster());
        assertEquals(6, c.seq());
        assertEquals(log.read(repo, CLUSTER, Optional.empty(), Optional.empty()).get(5).hash(), c.hash());
        assertTrue(c.signedBy(KEYS.getPublic()));
        assertEquals(c, LogCheckpoint.parse(c.fileBytes()), "the file reads back");
        assertTrue(!c.signedBy(SigningKeys.generate().getPublic()));
    }

    @Test
    void newestTwoEntriesDropped_reflogExpired_onlyTheCheckpointNamesTheMissingSeq() throws Exception {
        LogCheckpoint c = log.checkpoint(repo, CLUSTER, KEYS.getPrivate()).checkpoint().orElseThrow();
        dropNewestTwo();

        VerifyResult keyOnly = log.verify(repo, options(OptionalLong.empty(), Map.of()));
        VerifyResult anchored = log.verify(repo, options(OptionalLong.empty(), Map.of("eks-prod.checkpoint", c)));

        assertTrue(keyOnly.valid(), "every remaining entry is intact and signed: " + messages(keyOnly));
        assertEquals(List.of("log/eks-prod/000000006.json: missing: checkpoint eks-prod.checkpoint vouches for entry 6 of"
                + " eks-prod (hash " + c.hash().substring(0, 12) + ", 2026-03-01T06:00:00Z), but the log of eks-prod ends at"
                + " entry 4"), messages(anchored));
        assertEquals(LogProblem.Kind.TRUNCATED, anchored.firstProblem().orElseThrow().kind());
    }

    @Test
    void newestEntriesDropped_expectAtLeast_namesTheFirstMissingSeq() throws Exception {
        dropNewestTwo();

        VerifyResult r = log.verify(repo, new VerifyOptions(Optional.of(CLUSTER), Optional.empty(), OptionalLong.of(6),
                new TreeMap<>()));

        assertEquals(List.of("log/eks-prod/000000005.json: missing: at least 6 entries of eks-prod expected, but the log of"
                + " eks-prod ends at entry 4"), messages(r));
    }

    @Test
    void expectAtLeast_clusterWithoutEntries_andEveryClusterWhenNoneIsNamed() {
        VerifyResult none = log.verify(repo, new VerifyOptions(Optional.of("gke-new"), Optional.empty(), OptionalLong.of(1),
                new TreeMap<>()));
        VerifyResult all = log.verify(repo, options(OptionalLong.of(2), Map.of()));

        assertEquals(List.of("log/gke-new/000000001.json: missing: at least 1 entry of gke-new expected, but the log has no"
                + " entry of gke-new"), messages(none));
        assertEquals(List.of("log/aks-dev/000000002.json: missing: at least 2 entries of aks-dev expected, but the log of"
                + " aks-dev ends at entry 1"), messages(all));
    }

    @Test
    void entryBeforeTheNewestReforgedEvenWithTheKey_doesNotMatchTheCheckpoint() {
        LogCheckpoint c = log.checkpoint(repo, CLUSTER, KEYS.getPrivate()).checkpoint().orElseThrow();
        var entry = LogForgery.entry(repo, LogPaths.of(CLUSTER, 5));
        var forged = LogForgery.resealed(entry, 5, entry.get("prev").asText(), Optional.of(KEYS.getPrivate()));
        forged.put("liveSource", "files: other.yaml");
        forged = LogForgery.resealed(forged, 5, entry.get("prev").asText(), Optional.of(KEYS.getPrivate()));
        var six = LogForgery.entry(repo, LogPaths.of(CLUSTER, 6));
        var forgedSix = LogForgery.resealed(six, 6, forged.get("hash").asText(), Optional.of(KEYS.getPrivate()));
        // Even a forger holding the recorder's key cannot make entry 6 keep the hash the checkpoint names.
        LogForgery.commit(repo, Map.of(LogPaths.of(CLUSTER, 5), LogForgery.bytes(forged),
                LogPaths.of(CLUSTER, 6), LogForgery.bytes(forgedSix)), java.util.Set.of());

        VerifyResult r = log.verify(repo, new VerifyOptions(Optional.of(CLUSTER), Optional.of(KEYS.getPublic()),
                OptionalLong.empty(), new TreeMap<>(Map.of("cp", c))));

        assertTrue(r.problems().stream().anyMatch(p -> p.kind() == LogProblem.Kind.CHECKPOINT_MISMATCH
                && p.where().equals(LogPaths.of(CLUSTER, 6))), messages(r).toString());
    }

    @Test
    void checkpointAlteredOrSignedWithAnotherKey_isReportedAsInvalid() {
        LogCheckpoint c = log.checkpoint(repo, CLUSTER, KEYS.getPrivate()).checkpoint().orElseThrow();
        LogCheckpoint lowered = new LogCheckpoint(c.cluster(), 3, c.hash(), c.time(), c.signature());
        LogCheckpoint foreign = log.checkpoint(repo, "aks-dev", KEYS.getPrivate()).checkpoint().orElseThrow();

        VerifyResult r = new DriftLog().verify(repo, new VerifyOptions(Optional.empty(), Optional.of(SigningKeys.generate()
                .getPublic()), OptionalLong.empty(), new TreeMap<>(Map.of("a.checkpoint", foreign))));
        VerifyResult edited = log.verify(repo, options(OptionalLong.empty(), Map.of("b.checkpoint", lowered)));

        assertTrue(r.problems().stream().anyMatch(p -> p.kind() == LogProblem.Kind.CHECKPOINT_INVALID
                && p.where().equals("a.checkpoint")), messages(r).toString());
        assertEquals(List.of("b.checkpoint: the checkpoint's signature does not match the public key: it was altered, or"
                + " signed with another key"), messages(edited));
    }

    @Test
    void checkpointOfABrokenLog_isNotMade_andAnotherKeyIsRefused() {
        LogForgery.commit(repo, Map.of(), java.util.Set.of(LogPaths.of(CLUSTER, 2)));

        CheckpointResult broken = log.checkpoint(repo, CLUSTER, KEYS.getPrivate());
        UsageException e = assertThrows(UsageException.class,
                () -> log.checkpoint(repo, "aks-dev", SigningKeys.generate().getPrivate()));

        assertTrue(broken.checkpoint().isEmpty());
        assertTrue(!broken.verified().valid());
        assertTrue(e.getMessage().startsWith("entry 1 of aks-dev is signed with another key"), e.getMessage());
    }

    @Test
    void checkpointFile_thatIsNoCheckpoint_saysWhy() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LogCheckpoint.parse("{\"seq\":1}".getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().startsWith("not a drift-log checkpoint"), e.getMessage());
        assertThrows(UsageException.class, () -> new VerifyOptions(Optional.empty(), Optional.empty(), OptionalLong.empty(),
                new TreeMap<>(Map.of("x", log.checkpoint(repo, CLUSTER, KEYS.getPrivate()).checkpoint().orElseThrow()))));
    }
}
