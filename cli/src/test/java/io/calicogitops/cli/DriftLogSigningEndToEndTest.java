package io.calicogitops.cli;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.transport.RefSpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static io.calicogitops.cli.CliRun.sampleFleet;
import static io.calicogitops.cli.CliRun.sampleRepo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code audit --record --sign-key}, {@code log verify --public-key/--expect-at-least/--since-checkpoint} and
 * {@code log checkpoint} as a user runs them, against forgeries made with plain Git: a whole log re-recorded and
 * force-pushed into a bare remote (no reflog there), and the newest entries cut off with the reflog expired.
 */
class DriftLogSigningEndToEndTest {

    private static final String LOG = "refs/heads/calico-gitops/audit-log";

    @TempDir
    Path tmp;

    private Path repo;
    private Path key;
    private Path pub;

    @BeforeEach
    void renderAndMakeAKey() {
        repo = tmp.resolve("gitops");
        CliRun render = CliRun.of("render", "--fleet", sampleFleet(), "--repo", repo.toString());
        assertEquals(0, render.exitCode(), render.transcript());
        key = tmp.resolve("keys/recorder.key");
        pub = tmp.resolve("keys/recorder.pub");
        CliRun keygen = CliRun.of("evidence", "keygen", "--out-private", key.toString(), "--out-public", pub.toString());
        assertEquals(0, keygen.exitCode(), keygen.transcript());
    }

    private static CliRun record(Path dir, String now, String... extra) {
        List<String> args = new ArrayList<>(List.of("audit", "--repo", dir.toString(), "--cluster", "eks-dev",
                "--live", sampleRepo().resolve("live/eks-dev.yaml").toString(), "--record", "--now", now));
        args.addAll(List.of(extra));
        return CliRun.of(args.toArray(String[]::new));
    }

    private void recordSigned(int n) {
        for (int i = 1; i <= n; i++) {
            CliRun run = record(repo, "2026-03-0" + i + "T00:00:00Z", "--sign-key", key.toString());
            assertEquals(0, run.exitCode(), run.transcript());
            assertTrue(run.err().contains("recorded: eks-dev entry " + i + " (in sync) in log/eks-dev/00000000" + i
                    + ".json on calico-gitops/audit-log, signed"), run.transcript());
        }
    }

    @Test
    void signedLog_verifiesWithTheKey_andWithoutOneSaysSignaturesWereNotChecked() {
        recordSigned(2);

        CliRun keyed = CliRun.of("log", "verify", "--repo", repo.toString(), "--public-key", pub.toString());
        CliRun plain = CliRun.of("log", "verify", "--repo", repo.toString());

        assertEquals(0, keyed.exitCode(), keyed.transcript());
        assertTrue(keyed.out().endsWith("; every entry signed with the public key\n"), keyed.transcript());
        assertEquals(0, plain.exitCode(), plain.transcript());
        assertTrue(plain.out().endsWith("; signatures not checked (2 of 2 entries signed; give --public-key to check them)\n"),
                plain.transcript());
    }

    @Test
    void bareRemote_wholeLogReRecordedWithoutOrWithAnotherKeyAndForcePushed_failsOnlyWithThePublicKey() throws Exception {
        recordSigned(3);
        Path origin = tmp.resolve("origin.git");
        Git.cloneRepository().setURI(repo.toUri().toString()).setDirectory(origin.toFile()).setBare(true).call().close();
        Path otherKey = tmp.resolve("keys/mallory.key");
        assertEquals(0, CliRun.of("evidence", "keygen", "--out-private", otherKey.toString(), "--out-public",
                tmp.resolve("keys/mallory.pub").toString()).exitCode());

        for (String variant : List.of("no key", "another key")) {
            // Mallory, with push access but not the recorder's key, records a consistent log of her own and force-pushes it.
            Path mallory = tmp.resolve("mallory-" + variant.replace(' ', '-'));
            Git.cloneRepository().setURI(origin.toUri().toString()).setDirectory(mallory.toFile()).call().close();
            for (int i = 1; i <= 3; i++) {
                CliRun run = variant.equals("no key") ? record(mallory, "2026-03-0" + i + "T00:00:00Z")
                        : record(mallory, "2026-03-0" + i + "T00:00:00Z", "--sign-key", otherKey.toString());
                assertEquals(0, run.exitCode(), run.transcript());
            }
            try (Git git = Git.open(mallory.toFile())) {
                git.push().setRefSpecs(new RefSpec("+" + LOG + ":" + LOG)).call();
            }
            Files.deleteIfExists(origin.resolve("logs/" + LOG));

            CliRun plain = CliRun.of("log", "verify", "--repo", origin.toString());
            CliRun keyed = CliRun.of("log", "verify", "--repo", origin.toString(), "--public-key", pub.toString());

            assertEquals(0, plain.exitCode(), "the chain alone cannot tell (" + variant + ")\n" + plain.transcript());
            assertTrue(plain.out().contains("signatures not checked"), plain.transcript());
            assertEquals(1, keyed.exitCode(), variant + "\n" + keyed.transcript());
            for (int seq = 1; seq <= 3; seq++) {
                String line = "log/eks-dev/00000000" + seq + ".json: entry " + seq
                        + (variant.equals("no key") ? " is not signed" : " has a signature that does not match the public key");
                assertTrue(keyed.out().contains(line), variant + ": " + line + "\n" + keyed.transcript());
            }
            assertTrue(keyed.out().contains("broken: drift log has 3 problems (3 entries (eks-dev 3) in 3 commits; 3 entries not"
                    + " signed with the public key); first: "), keyed.transcript());
        }
    }

    @Test
    void newestTwoEntriesDropped_reflogExpired_checkpointAndExpectedCountNameTheMissingSeq() throws Exception {
        recordSigned(4);
        Path checkpoint = tmp.resolve("vault/eks-dev.checkpoint");
        CliRun cp = CliRun.of("log", "checkpoint", "--repo", repo.toString(), "--cluster", "eks-dev", "--sign-key",
                key.toString(), "--out", checkpoint.toString());
        assertEquals(0, cp.exitCode(), cp.transcript());
        assertTrue(cp.out().startsWith("wrote checkpoint "), cp.transcript());
        assertTrue(cp.out().contains(": eks-dev entry 4 (hash "), cp.transcript());
        try (Git git = Git.open(repo.toFile())) {
            List<RevCommit> newestFirst = new ArrayList<>();
            git.log().add(git.getRepository().resolve(LOG)).call().forEach(newestFirst::add);
            RefUpdate u = git.getRepository().updateRef(LOG);
            u.setNewObjectId(ObjectId.fromString(newestFirst.get(2).name()));
            u.setForceUpdate(true);
            assertEquals(RefUpdate.Result.FORCED, u.forceUpdate());
        }
        Files.delete(repo.resolve(".git/logs/" + LOG));

        CliRun keyOnly = CliRun.of("log", "verify", "--repo", repo.toString(), "--public-key", pub.toString());
        CliRun anchored = CliRun.of("log", "verify", "--repo", repo.toString(), "--public-key", pub.toString(),
                "--since-checkpoint", checkpoint.toString());
        CliRun counted = CliRun.of("log", "verify", "--repo", repo.toString(), "--cluster", "eks-dev", "--expect-at-least", "4");

        assertEquals(0, keyOnly.exitCode(), "what is left is intact and signed\n" + keyOnly.transcript());
        assertEquals(1, anchored.exitCode(), anchored.transcript());
        assertTrue(anchored.out().startsWith("log/eks-dev/000000004.json: missing: checkpoint "), anchored.transcript());
        assertTrue(anchored.out().contains("vouches for entry 4 of eks-dev"), anchored.transcript());
        assertTrue(anchored.out().contains("but the log of eks-dev ends at entry 2"), anchored.transcript());
        assertTrue(anchored.out().contains("; every entry signed with the public key); first: log/eks-dev/000000004.json"),
                anchored.transcript());
        assertTrue(counted.out().contains("; signatures not checked (2 of 2 entries signed; give --public-key to check them));"
                + " first: "), counted.transcript());
        assertEquals(1, counted.exitCode(), counted.transcript());
        assertTrue(counted.out().startsWith("log/eks-dev/000000003.json: missing: at least 4 entries of eks-dev expected,"
                + " but the log of eks-dev ends at entry 2\n"), counted.transcript());
    }

    @Test
    void badOptions_areUsageOrInputErrors() throws Exception {
        recordSigned(1);
        Path garbled = tmp.resolve("garbled.checkpoint");
        Files.writeString(garbled, "{\"seq\": 1}\n");

        CliRun keyWithoutRecord = CliRun.of("audit", "--repo", repo.toString(), "--cluster", "eks-dev",
                "--live", sampleRepo().resolve("live/eks-dev.yaml").toString(), "--sign-key", key.toString());
        CliRun publicKeyToSign = record(repo, "2026-03-05T00:00:00Z", "--sign-key", pub.toString());
        CliRun checkpointWithoutKey = CliRun.of("log", "verify", "--repo", repo.toString(), "--since-checkpoint", garbled.toString());
        CliRun garbledCheckpoint = CliRun.of("log", "verify", "--repo", repo.toString(), "--public-key", pub.toString(),
                "--since-checkpoint", garbled.toString());

        assertEquals(2, keyWithoutRecord.exitCode(), keyWithoutRecord.transcript());
        assertTrue(keyWithoutRecord.err().contains("--sign-key needs --record"), keyWithoutRecord.transcript());
        assertEquals(2, publicKeyToSign.exitCode(), publicKeyToSign.transcript());
        assertTrue(publicKeyToSign.err().contains("expected a PEM block '-----BEGIN PRIVATE KEY-----'"), publicKeyToSign.transcript());
        assertEquals(2, checkpointWithoutKey.exitCode(), checkpointWithoutKey.transcript());
        assertEquals(3, garbledCheckpoint.exitCode(), garbledCheckpoint.transcript());
        assertTrue(garbledCheckpoint.err().contains("garbled.checkpoint: error: not a drift-log checkpoint"),
                garbledCheckpoint.transcript());
        assertFalse(publicKeyToSign.err().contains("recorded:"), "nothing recorded with a bad key");
    }
}
