package io.calicogitops.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.RefUpdate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static io.calicogitops.cli.CliRun.sampleFleet;
import static io.calicogitops.cli.CliRun.sampleRepo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code audit --record}, {@code log verify} and {@code log show} as a user (or a CronJob) runs them. */
class DriftLogEndToEndTest {

    @TempDir
    Path tmp;

    private Path repo;

    @BeforeEach
    void renderTheSampleFleet() {
        repo = tmp.resolve("gitops");
        CliRun render = CliRun.of("render", "--fleet", sampleFleet(), "--repo", repo.toString());
        assertEquals(0, render.exitCode(), render.transcript());
    }

    private CliRun auditAndRecord(String cluster, String now) {
        return CliRun.of("audit", "--repo", repo.toString(), "--cluster", cluster,
                "--live", sampleRepo().resolve("live/" + cluster + ".yaml").toString(), "--record", "--now", now);
    }

    @Test
    void auditRecordTwice_thenLogVerify_exits0AndLeavesMainAlone() throws Exception {
        String head;
        try (Git git = Git.open(repo.toFile())) {
            head = git.getRepository().resolve(Constants.HEAD).name();
        }

        CliRun first = auditAndRecord("eks-prod", "2026-03-01T00:00:00Z");
        CliRun second = auditAndRecord("eks-prod", "2026-03-02T00:00:00Z");
        CliRun verify = CliRun.of("log", "verify", "--repo", repo.toString());

        assertEquals(1, first.exitCode(), "drift stays exit 1 when recorded\n" + first.transcript());
        assertTrue(first.err().contains("recorded: eks-prod entry 1 (drift) in log/eks-prod/000000001.json on calico-gitops/audit-log"),
                first.transcript());
        assertTrue(second.err().contains("recorded: eks-prod entry 2 (drift)"), second.transcript());
        assertEquals(0, verify.exitCode(), verify.transcript());
        assertTrue(verify.out().startsWith("ok: drift log is intact: 2 entries (eks-prod 2) in 2 commits, tip "), verify.transcript());
        try (Git git = Git.open(repo.toFile())) {
            assertEquals(head, git.getRepository().resolve(Constants.HEAD).name());
            assertEquals("refs/heads/main", git.getRepository().getFullBranch());
            assertTrue(git.status().call().isClean());
        }
    }

    @Test
    void inSyncAuditRecorded_exits0() {
        CliRun run = auditAndRecord("eks-dev", "2026-03-01T00:00:00Z");

        assertEquals(0, run.exitCode(), run.transcript());
        assertTrue(run.err().contains("recorded: eks-dev entry 1 (in sync)"), run.transcript());
    }

    @Test
    void entryEditedOnTheLogBranch_logVerifyExits1NamingTheEntry() throws Exception {
        auditAndRecord("eks-prod", "2026-03-01T00:00:00Z");
        auditAndRecord("eks-prod", "2026-03-02T00:00:00Z");
        try (Git git = Git.open(repo.toFile())) {
            git.checkout().setName("calico-gitops/audit-log").call();
            Path entry = repo.resolve("log/eks-prod/000000001.json");
            Files.writeString(entry, Files.readString(entry).replace("\"inSync\":false", "\"inSync\":true"));
            git.add().addFilepattern("log").call();
            git.commit().setMessage("nothing to see").setSign(false).call();
            git.checkout().setName("main").call();
        }

        CliRun verify = CliRun.of("log", "verify", "--repo", repo.toString(), "--cluster", "eks-prod");

        assertEquals(1, verify.exitCode(), verify.transcript());
        assertTrue(verify.out().contains("log/eks-prod/000000001.json: hash mismatch: entry was edited after it was recorded\n"),
                verify.transcript());
        assertTrue(verify.out().contains("log/eks-prod/000000001.json: changed in commit "), verify.transcript());
        assertTrue(verify.out().contains("broken: drift log of eks-prod has 2 problems"), verify.transcript());
    }

    @Test
    void auditThatCannotReadTheCluster_recordsAFailedEntryAndStillExits4() {
        CliRun run = CliRun.of("audit", "--repo", repo.toString(), "--cluster", "eks-prod",
                "--kubeconfig", tmp.resolve("no-such-kubeconfig").toString(), "--context", "prod", "--record",
                "--now", "2026-03-01T00:00:00Z");
        CliRun show = CliRun.of("log", "show", "--repo", repo.toString(), "--cluster", "eks-prod", "--until", "2026-03-01");

        assertEquals(4, run.exitCode(), run.transcript());
        assertTrue(run.err().contains("recorded: eks-prod entry 1 (failed)"), run.transcript());
        assertTrue(run.err().contains("error: kubeconfig "), run.transcript());
        assertEquals(0, show.exitCode(), show.transcript());
        assertTrue(show.out().contains("failed audits: 1\n  #1 2026-03-01T00:00:00Z: kubeconfig "), show.transcript());
    }

    @Test
    void resultThatCannotBeRecorded_exits4AndSaysSoAfterTheReport() throws Exception {
        try (Git git = Git.open(repo.toFile())) {
            // A branch named calico-gitops makes refs/heads/calico-gitops/audit-log impossible to create.
            RefUpdate u = git.getRepository().updateRef("refs/heads/calico-gitops");
            u.setNewObjectId(git.getRepository().resolve(Constants.HEAD));
            u.update();
        }

        CliRun run = auditAndRecord("eks-prod", "2026-03-01T00:00:00Z");

        assertEquals(4, run.exitCode(), run.transcript());
        assertTrue(run.out().contains("security.pci-whitelist"), "the report is still printed\n" + run.transcript());
        assertTrue(run.err().contains("error: the audit finished (drift) but was not recorded in the drift log: "), run.transcript());
    }

    @Test
    void logShow_readsTimesAsHistoryAndEvidenceDo_offsetsIncluded() throws Exception {
        auditAndRecord("eks-prod", "2026-03-01T00:00:00Z");
        auditAndRecord("eks-prod", "2026-03-02T00:00:00Z");

        CliRun utc = CliRun.of("log", "show", "--repo", repo.toString(), "--cluster", "eks-prod", "-o", "json",
                "--since", "2026-03-02T00:00:00Z", "--until", "2026-03-05T00:00:00Z");
        CliRun offset = CliRun.of("log", "show", "--repo", repo.toString(), "--cluster", "eks-prod", "-o", "json",
                "--since", "2026-03-02T01:00:00+01:00", "--until", "2026-03-05T01:00:00+01:00");
        CliRun bad = CliRun.of("log", "show", "--repo", repo.toString(), "--cluster", "eks-prod", "--since", "last week");

        assertEquals(0, utc.exitCode(), utc.transcript());
        assertEquals(utc.transcript(), offset.transcript());
        assertEquals(1, new ObjectMapper().readTree(utc.out()).get("entries").size(), utc.transcript());
        assertEquals(2, bad.exitCode(), bad.transcript());
        assertEquals("error: --since: expected a date (2026-01-31) or an instant (2026-01-31T12:00:00Z), got 'last week'\n",
                bad.err());
    }

    @Test
    void logShowJson_listsEntriesDriftSpansAndGaps() throws Exception {
        auditAndRecord("eks-prod", "2026-03-01T00:00:00Z");
        auditAndRecord("eks-prod", "2026-03-02T00:00:00Z");

        CliRun show = CliRun.of("log", "show", "--repo", repo.toString(), "--cluster", "eks-prod", "-o", "json",
                "--until", "2026-03-05T00:00:00Z", "--expected-interval", "36h");

        assertEquals(0, show.exitCode(), show.transcript());
        JsonNode json = new ObjectMapper().readTree(show.out());
        assertEquals("calico-gitops/drift-log-show/v1", json.get("schemaVersion").asText());
        assertEquals(2, json.get("entries").size());
        assertEquals(2, json.get("entries").get(1).get("seq").asInt());
        JsonNode pci = null;
        for (JsonNode d : json.get("drift")) {
            if (d.get("name").asText().equals("security.pci-whitelist")) {
                pci = d;
            }
        }
        assertTrue(pci != null, show.transcript());
        assertEquals("critical", pci.get("severity").asText());
        assertEquals("2026-03-01T00:00:00Z", pci.get("firstSeen").asText());
        assertEquals("2026-03-02T00:00:00Z", pci.get("lastSeen").asText());
        assertTrue(pci.get("ongoing").asBoolean());
        assertEquals(1, json.get("gaps").size(), show.transcript());
        assertEquals("2026-03-02T00:00:00Z", json.get("gaps").get(0).get("from").asText());
        assertEquals("2026-03-05T00:00:00Z", json.get("gaps").get(0).get("to").asText());
    }

    @Test
    void logVerifyWithoutAnyRecord_exits0SayingNothingWasRecorded() {
        CliRun verify = CliRun.of("log", "verify", "--repo", repo.toString());

        assertEquals(0, verify.exitCode(), verify.transcript());
        assertEquals("ok: nothing recorded yet (no branch calico-gitops/audit-log)\n", verify.out());
    }

    @Test
    void logWithoutSubcommand_exits2AndHelpListsIt() {
        CliRun bare = CliRun.of("log");
        CliRun help = CliRun.of("--help");
        CliRun badFormat = CliRun.of("log", "show", "--repo", repo.toString(), "--cluster", "eks-prod", "-o", "html");

        assertEquals(2, bare.exitCode(), bare.transcript());
        assertTrue(bare.err().contains("missing subcommand (verify, show or checkpoint)"), bare.transcript());
        assertTrue(help.out().contains("  log "), help.transcript());
        assertEquals(2, badFormat.exitCode(), badFormat.transcript());
        assertFalse(badFormat.err().isEmpty());
    }
}
