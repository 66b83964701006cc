package io.calicogitops.driftlog;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calicogitops.git.GitRepo;
import io.calicogitops.signing.SigningKeys;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
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
 * Signed entries: a forger with push access but without the recorder's key can re-chain the whole log consistently,
 * even in a bare remote with no reflog, and {@code log verify} with the public key still names every forged entry.
 */
class DriftLogSignatureTest {

    private static final String CLUSTER = "eks-prod";
    private static final KeyPair KEYS = SigningKeys.generate();

    @TempDir
    Path tmp;

    private static VerifyOptions withKey(Optional<String> cluster) {
        return new VerifyOptions(cluster, Optional.of(KEYS.getPublic()), OptionalLong.empty(), new TreeMap<>());
    }

    private static List<String> messages(VerifyResult r) {
        return r.problems().stream().map(LogProblem::format).toList();
    }

    /** Four signed entries of eks-prod in a work-tree repository. */
    private Path signedLog() {
        Path dir = tmp.resolve("r");
        DriftLog log = new DriftLog().signingWith(KEYS.getPrivate());
        try (GitRepo repo = repoWithMain(dir)) {
            for (int i = 1; i <= 4; i++) {
                log.append(repo, report(CLUSTER, i == 2 ? denyTurnedInto("pci", "Allow") : inSync("pci")), emptySnapshot(), hour(i));
            }
        }
        return dir;
    }

    private Path bareCloneOf(Path dir) throws Exception {
        Path bare = tmp.resolve("origin.git");
        Git.cloneRepository().setURI(dir.toUri().toString()).setDirectory(bare.toFile()).setBare(true)
                .setBranchesToClone(List.of(DriftLog.BRANCH)).setBranch(DriftLog.BRANCH).call().close();
        return bare;
    }

    @Test
    void append_withKey_signsTheCanonicalBytesIncludingSeqPrevSeqAndPrev() {
        Path dir = signedLog();
        try (GitRepo repo = GitRepo.open(dir)) {
            ObjectNode two = LogForgery.entry(repo, LogPaths.of(CLUSTER, 2));
            String signature = two.get("signature").asText();

            assertEquals(1, two.get("prevSeq").asLong());
            assertTrue(SigningKeys.verify(KEYS.getPublic(), LogEntryJson.signedBytes(two), signature));
            for (String field : List.of("seq", "prevSeq")) {
                ObjectNode moved = two.deepCopy();
                moved.put(field, 7);
                assertFalse(SigningKeys.verify(KEYS.getPublic(), LogEntryJson.signedBytes(moved), signature), field);
            }
            ObjectNode relinked = two.deepCopy();
            relinked.put("prev", "1".repeat(64));
            assertFalse(SigningKeys.verify(KEYS.getPublic(), LogEntryJson.signedBytes(relinked), signature), "prev");
            assertEquals(LogEntryJson.hashOf(two), two.get("hash").asText(), "the hash covers the signature too");

            VerifyResult r = new DriftLog().verify(repo, withKey(Optional.empty()));
            assertTrue(r.valid(), messages(r).toString());
            assertTrue(r.signaturesChecked());
            assertEquals(4, r.signedEntries());
        }
    }

    @Test
    void bareRemote_wholeChainReforgedWithoutTheKey_failsOnEveryEntryOnlyWithTheKey() throws Exception {
        Path bare = bareCloneOf(signedLog());
        try (GitRepo origin = GitRepo.open(bare)) {
            reforge(origin, Optional.empty());
            Files.deleteIfExists(bare.resolve("logs/" + DriftLog.BRANCH));

            VerifyResult without = new DriftLog().verify(origin, Optional.empty());
            VerifyResult with = new DriftLog().verify(origin, withKey(Optional.of(CLUSTER)));

            assertTrue(without.valid(), "the consistent forgery is invisible to the chain alone: " + messages(without));
            assertFalse(without.signaturesChecked());
            assertEquals(List.of(
                    "log/eks-prod/000000001.json: entry 1 is not signed: recorded without the key (or before signing was set up), or forged",
                    "log/eks-prod/000000002.json: entry 2 is not signed: recorded without the key (or before signing was set up), or forged",
                    "log/eks-prod/000000003.json: entry 3 is not signed: recorded without the key (or before signing was set up), or forged",
                    "log/eks-prod/000000004.json: entry 4 is not signed: recorded without the key (or before signing was set up), or forged"),
                    messages(with));
        }
    }

    @Test
    void bareRemote_wholeChainReforgedWithAnotherKey_isABadSignatureOnEveryEntry() throws Exception {
        Path bare = bareCloneOf(signedLog());
        try (GitRepo origin = GitRepo.open(bare)) {
            reforge(origin, Optional.of(SigningKeys.generate().getPrivate()));

            VerifyResult r = new DriftLog().verify(origin, withKey(Optional.empty()));

            assertEquals(4, r.problems().size(), messages(r).toString());
            assertTrue(r.problems().stream().allMatch(p -> p.kind() == LogProblem.Kind.BAD_SIGNATURE), messages(r).toString());
            assertEquals("log/eks-prod/000000002.json: entry 2 has a signature that does not match the public key: edited"
                    + " after it was signed, or signed with another key", messages(r).get(1));
        }
    }

    @Test
    void entriesWrittenBeforeSigning_stillVerify_andAreReportedUnsignedWhenAKeyIsDemanded() throws Exception {
        try (GitRepo repo = repoWithMain(tmp.resolve("old"))) {
            List<SortedMap<String, byte[]>> steps = new ArrayList<>();
            String prev = LogEntryJson.GENESIS;
            for (long seq = 1; seq <= 2; seq++) {
                // The entry format before prevSeq and signatures: seq, prev and hash only.
                ObjectNode e = LogForgery.legacy(LogEntryJson.seal(LogEntryJson.body(report(CLUSTER, inSync("a")),
                        emptySnapshot(), hour((int) seq)), seq, prev, Optional.empty()));
                assertFalse(e.has("prevSeq"));
                prev = e.get("hash").asText();
                steps.add(new TreeMap<>(Map.of(LogPaths.of(CLUSTER, seq), LogForgery.bytes(e))));
            }
            LogForgery.rewrite(repo, steps);
            Files.deleteIfExists(tmp.resolve("old/.git/logs/" + DriftLog.BRANCH));
            LogEntry third = new DriftLog().signingWith(KEYS.getPrivate())
                    .append(repo, report(CLUSTER, inSync("a")), emptySnapshot(), hour(3));

            VerifyResult plain = new DriftLog().verify(repo, Optional.empty());
            VerifyResult keyed = new DriftLog().verify(repo, withKey(Optional.empty()));

            assertEquals(third.seq(), 3);
            assertTrue(plain.valid(), messages(plain).toString());
            assertEquals(List.of(LogProblem.Kind.UNSIGNED, LogProblem.Kind.UNSIGNED),
                    keyed.problems().stream().map(LogProblem::kind).toList(), messages(keyed).toString());
            assertEquals(List.of(LogPaths.of(CLUSTER, 1), LogPaths.of(CLUSTER, 2)),
                    keyed.problems().stream().map(LogProblem::where).toList());
        }
    }

    @Test
    void editAnOldEntryAndRechainEverythingWithoutTheKey_isASignatureFailureFromThatEntryOn() throws Exception {
        try (GitRepo repo = GitRepo.open(signedLog())) {
            List<SortedMap<String, byte[]>> forged = new ArrayList<>();
            String prev = null;
            for (var c : repo.history(DriftLog.BRANCH)) {
                SortedMap<String, byte[]> step = new TreeMap<>();
                for (String path : c.paths().keySet()) {
                    ObjectNode e = LogEntryJson.parse(repo.readFile(c.id(), path).orElseThrow());
                    long seq = e.get("seq").asLong();
                    if (seq < 2) {
                        step.put(path, LogForgery.bytes(e));
                        prev = e.get("hash").asText();
                        continue;
                    }
                    if (seq == 2) {
                        e.put("inSync", true);
                        e.putArray("drift");
                    }
                    ObjectNode sealed = LogForgery.resealed(e, seq, prev);
                    prev = sealed.get("hash").asText();
                    step.put(path, LogForgery.bytes(sealed));
                }
                forged.add(step);
            }
            LogForgery.rewrite(repo, forged);
            Files.deleteIfExists(tmp.resolve("r/.git/logs/" + DriftLog.BRANCH));

            VerifyResult plain = new DriftLog().verify(repo, Optional.empty());
            VerifyResult keyed = new DriftLog().verify(repo, withKey(Optional.empty()));

            assertTrue(plain.valid(), messages(plain).toString());
            assertEquals(List.of(LogPaths.of(CLUSTER, 2), LogPaths.of(CLUSTER, 3), LogPaths.of(CLUSTER, 4)),
                    keyed.problems().stream().map(LogProblem::where).toList(), messages(keyed).toString());
        }
    }

    @Test
    void prevSeqThatDoesNotNameThePreviousEntry_isAPrevMismatch() {
        try (GitRepo repo = GitRepo.open(signedLog())) {
            ObjectNode three = LogForgery.entry(repo, LogPaths.of(CLUSTER, 3));
            three.put("prevSeq", 1);
            three.put("hash", LogEntryJson.hashOf(three));
            LogForgery.commit(repo, Map.of(LogPaths.of(CLUSTER, 3), LogForgery.bytes(three)), Set.of());

            VerifyResult r = new DriftLog().verify(repo, withKey(Optional.empty()));

            assertTrue(messages(r).contains(
                    "log/eks-prod/000000003.json: entry 3 says it follows entry 1 (prevSeq), not entry 2"), messages(r).toString());
            assertTrue(r.problems().stream().anyMatch(p -> p.kind() == LogProblem.Kind.BAD_SIGNATURE), messages(r).toString());
        }
    }

    /** Rebuilds the whole branch with every entry re-sealed (re-signed with {@code key} if given), links consistent. */
    private static void reforge(GitRepo repo, Optional<PrivateKey> key) {
        List<SortedMap<String, byte[]>> forged = new ArrayList<>();
        String prev = LogEntryJson.GENESIS;
        for (var c : repo.history(DriftLog.BRANCH)) {
            SortedMap<String, byte[]> step = new TreeMap<>();
            for (String path : c.paths().keySet()) {
                ObjectNode e = LogEntryJson.parse(repo.readFile(c.id(), path).orElseThrow());
                e.put("liveSource", "files: forged.yaml");
                ObjectNode sealed = LogForgery.resealed(e, e.get("seq").asLong(), prev, key);
                prev = sealed.get("hash").asText();
                step.put(path, LogForgery.bytes(sealed));
            }
            forged.add(step);
        }
        LogForgery.rewrite(repo, forged);
    }
}
