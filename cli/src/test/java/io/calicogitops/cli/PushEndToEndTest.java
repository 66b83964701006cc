package io.calicogitops.cli;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static io.calicogitops.cli.CliRun.copySampleFleet;
import static io.calicogitops.cli.CliRun.sampleFleet;
import static io.calicogitops.cli.CliRun.sampleRepo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code render --push} and {@code audit --record --push} against a bare repository standing in for the Git server. */
class PushEndToEndTest {

    @TempDir
    Path tmp;

    private Path origin;

    @BeforeEach
    void originWithTheSampleFleetRendered() throws Exception {
        Path seed = tmp.resolve("seed");
        CliRun render = CliRun.of("render", "--fleet", sampleFleet(), "--repo", seed.toString());
        assertEquals(0, render.exitCode(), render.transcript());
        origin = tmp.resolve("origin.git");
        Git.cloneRepository().setURI(seed.toUri().toString()).setDirectory(origin.toFile()).setBare(true).call().close();
    }

    private Path cloneOf(String name) throws Exception {
        Path dir = tmp.resolve(name);
        Git.cloneRepository().setURI(origin.toUri().toString()).setDirectory(dir.toFile()).call().close();
        return dir;
    }

    private String originMain() throws Exception {
        try (Git git = Git.open(origin.toFile())) {
            return git.getRepository().resolve("refs/heads/main").name();
        }
    }

    private Path changedFleet() {
        Path fleet = copySampleFleet(tmp.resolve("sample"));
        try {
            Path profile = fleet.resolve("eks-dev.yaml");
            Files.writeString(profile, Files.readString(profile).replace("flowFlushInterval: 15s", "flowFlushInterval: 30s"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return fleet;
    }

    @Test
    void renderPush_commitsAndPushesMain() throws Exception {
        Path clone = cloneOf("clone");

        CliRun run = CliRun.of("render", "--fleet", changedFleet().toString(), "--repo", clone.toString(), "--push");

        assertEquals(0, run.exitCode(), run.transcript());
        assertTrue(run.out().contains("\npushed main to origin\n"), run.transcript());
        try (Git git = Git.open(clone.toFile())) {
            assertEquals(git.getRepository().resolve("HEAD").name(), originMain());
        }
    }

    @Test
    void renderPush_originMovedOn_exits4KeepsTheCommitAndSaysWhatToDo() throws Exception {
        Path alice = cloneOf("alice");
        Path bob = cloneOf("bob");
        try (Git git = Git.open(bob.toFile())) {
            Files.writeString(bob.resolve("NOTES.md"), "bob was here\n");
            git.add().addFilepattern("NOTES.md").call();
            PersonIdent bobId = new PersonIdent("Bob", "bob@example.com");
            git.commit().setMessage("notes").setAuthor(bobId).setCommitter(bobId).setSign(false).call();
            git.push().call();
        }
        String bobs = originMain();

        CliRun run = CliRun.of("render", "--fleet", changedFleet().toString(), "--repo", alice.toString(), "--push");

        assertEquals(4, run.exitCode(), run.transcript());
        assertTrue(run.out().contains("\ncommitted "), "the commit is made and reported first\n" + run.transcript());
        assertTrue(run.err().startsWith("error: push of main to origin was rejected (non-fast-forward): origin has commits that "),
                run.transcript());
        assertTrue(run.err().contains("hint: git pull --rebase origin main"), run.transcript());
        assertEquals(bobs, originMain());
        try (Git git = Git.open(alice.toFile())) {
            assertTrue(git.log().setMaxCount(1).call().iterator().next().getFullMessage().contains("eks-dev"),
                    "alice's render commit is kept");
        }
    }

    @Test
    void renderPushWithDryRun_isAUsageError() {
        CliRun run = CliRun.of("render", "--fleet", sampleFleet(), "--repo", tmp.resolve("x").toString(), "--push", "--dry-run");

        assertEquals(2, run.exitCode(), run.transcript());
        assertTrue(run.err().contains("--push and --dry-run exclude each other"), run.transcript());
    }

    @Test
    void auditRecordPush_fromTwoClones_bothEntriesOnOriginAndLogVerifyIsClean() throws Exception {
        Path a = cloneOf("cronjob-a");
        Path b = cloneOf("cronjob-b");

        CliRun first = auditRecordPush(a, "eks-prod", "2026-03-01T00:00:00Z");
        CliRun second = auditRecordPush(b, "eks-prod", "2026-03-01T06:00:00Z");
        CliRun third = auditRecordPush(a, "eks-dev", "2026-03-01T06:00:00Z");
        CliRun verify = CliRun.of("log", "verify", "--repo", origin.toString());

        assertEquals(1, first.exitCode(), first.transcript());
        assertTrue(first.err().contains("recorded: eks-prod entry 1 (drift) in log/eks-prod/000000001.json on calico-gitops/audit-log, pushed"),
                first.transcript());
        assertTrue(second.err().contains("recorded: eks-prod entry 2 (drift)"), "b builds on a's entry\n" + second.transcript());
        assertEquals(0, third.exitCode(), third.transcript());
        assertEquals(0, verify.exitCode(), verify.transcript());
        assertTrue(verify.out().startsWith("ok: drift log is intact: 3 entries (eks-dev 1, eks-prod 2) in 3 commits"), verify.transcript());
        assertEquals(0, CliRun.of("log", "verify", "--repo", a.toString()).exitCode());
    }

    @Test
    void auditPushWithoutRecord_isAUsageError() {
        CliRun run = CliRun.of("audit", "--repo", origin.toString(), "--cluster", "eks-prod",
                "--live", sampleRepo().resolve("live/eks-prod.yaml").toString(), "--push");

        assertEquals(2, run.exitCode(), run.transcript());
        assertTrue(run.err().contains("--push needs --record"), run.transcript());
    }

    @Test
    void auditRecordPush_originUnreachable_exits4AfterTheReportAndRecordsNothing() throws Exception {
        Path a = cloneOf("a");
        try (Git git = Git.open(a.toFile())) {
            var config = git.getRepository().getConfig();
            config.setString("remote", "origin", "url", tmp.resolve("gone.git").toUri().toString());
            config.save();
        }

        CliRun run = auditRecordPush(a, "eks-prod", "2026-03-01T00:00:00Z");

        assertEquals(4, run.exitCode(), run.transcript());
        assertTrue(run.out().contains("security.pci-whitelist"), "the report is still printed\n" + run.transcript());
        assertTrue(run.err().contains("error: the audit finished (drift) but was not recorded in the drift log: fetch "),
                run.transcript());
        try (Git git = Git.open(a.toFile())) {
            assertEquals(null, git.getRepository().resolve("refs/heads/calico-gitops/audit-log"), "nothing recorded locally");
        }
    }

    @Test
    void auditRecordPush_afterTheRemoteLogWasForcePushedWithAForgery_exits4AndLeavesTheLocalLogAlone() throws Exception {
        Path a = cloneOf("cronjob-a");
        Path mallory = cloneOf("mallory");
        assertEquals(1, auditRecordPush(a, "eks-prod", "2026-03-01T00:00:00Z").exitCode());
        // Mallory records a log of her own in her clone (a fresh, consistent chain) and force-pushes it over origin's.
        CliRun forged = CliRun.of("audit", "--repo", mallory.toString(), "--cluster", "eks-dev",
                "--live", sampleRepo().resolve("live/eks-dev.yaml").toString(), "--record", "--now", "2026-03-01T01:00:00Z");
        assertEquals(0, forged.exitCode(), forged.transcript());
        try (Git git = Git.open(mallory.toFile())) {
            git.push().setRefSpecs(new org.eclipse.jgit.transport.RefSpec(
                    "+refs/heads/calico-gitops/audit-log:refs/heads/calico-gitops/audit-log")).call();
        }
        String localBefore;
        try (Git git = Git.open(a.toFile())) {
            localBefore = git.getRepository().resolve("refs/heads/calico-gitops/audit-log").name();
        }

        CliRun run = auditRecordPush(a, "eks-prod", "2026-03-01T06:00:00Z");

        assertEquals(4, run.exitCode(), run.transcript());
        assertTrue(run.err().contains("the remote drift log was rewritten: calico-gitops/audit-log on origin no longer contains"
                + " local entry seq 1 of eks-prod"), run.transcript());
        assertTrue(run.err().contains("refusing to adopt it"), run.transcript());
        assertTrue(!run.err().contains("recorded:"), run.transcript());
        try (Git git = Git.open(a.toFile())) {
            assertEquals(localBefore, git.getRepository().resolve("refs/heads/calico-gitops/audit-log").name());
        }
    }

    private static CliRun auditRecordPush(Path clone, String cluster, String now) {
        return CliRun.of("audit", "--repo", clone.toString(), "--cluster", cluster,
                "--live", sampleRepo().resolve("live/" + cluster + ".yaml").toString(), "--record", "--push", "--now", now);
    }
}
