package io.calicogitops.cli;

import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static io.calicogitops.cli.CliRun.files;
import static io.calicogitops.cli.CliRun.sampleRepo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code calico-gitops demo}: the sample fleet into a fresh repository, then a second render that changes nothing. */
class DemoEndToEndTest {

    private static final List<String> CLUSTERS = List.of("aks-dev", "aks-prod", "eks-dev", "eks-minimal", "eks-prod");

    @TempDir
    Path tmp;

    private static int commitCount(Path repo) throws Exception {
        try (Git git = Git.open(repo.toFile())) {
            int n = 0;
            for (var ignored : git.log().call()) {
                n++;
            }
            return n;
        }
    }

    private static void assertDemoSucceeded(CliRun run, Path repo) throws Exception {
        assertEquals(0, run.exitCode(), run.transcript());
        assertTrue(run.out().contains("== 1. render "), run.transcript());
        assertTrue(run.out().matches("(?s).*\ncommitted [0-9a-f]{12} \\(\\d+ files\\)\n.*"), run.transcript());
        assertTrue(run.out().contains("no changes: the repository already matches the fleet"), run.transcript());
        assertFalse(run.out().contains("UNEXPECTED"), run.transcript());
        // The audit step: the snapshots of four clusters match Git, eks-prod carries the planted drift.
        for (String cluster : new String[] {"aks-dev", "aks-prod", "eks-dev", "eks-minimal"}) {
            assertTrue(run.out().matches("(?s).*\n" + cluster + " +in sync .*"), cluster + "\n" + run.transcript());
        }
        assertTrue(run.out().matches("(?s).*\neks-prod +critical +\\d+ resources, 4 modified, 1 missing, 1 unmanaged.*"),
                run.transcript());
        assertTrue(run.out().contains("egress rule 2: action Deny -> Allow"), run.transcript());
        assertEquals(1, commitCount(repo));
        // The flow steps: eks-prod's records replayed (some disagree: the planted drift), one pack recommended for eks-dev.
        assertTrue(run.out().matches("(?s).*== 8\\. replay the flow logs of eks-prod.*\n\\d+ records: \\d+ agree with the policies in Git, [1-9]\\d* disagree\n.*"),
                run.transcript());
        assertTrue(run.out().contains("== 9. recommend staged least-privilege policies for eks-dev"), run.transcript());
        for (String cluster : CLUSTERS) {
            assertTrue(run.out().contains("clusters/" + cluster + "/calico/ ("), cluster + "\n" + run.transcript());
            assertTrue(Files.isRegularFile(repo.resolve("clusters/" + cluster + "/calico/kustomization.yaml")), cluster);
        }
    }

    @Test
    void demo_withTheCheckoutsSample_rendersOnceThenReportsNoChanges() throws Exception {
        Path out = tmp.resolve("demo");

        CliRun run = CliRun.of("demo", "--sample", sampleRepo().toString(), "--out", out.toString());

        assertDemoSucceeded(run, out.resolve("repo"));
        assertTrue(run.out().startsWith("== 1. render " + sampleRepo().resolve("fleet") + " into a new Git repository"),
                "renders the checkout's fleet: " + run.transcript());
    }

    @Test
    void demo_runTwiceIntoTheSameFolder_startsFromAFreshRepositoryEachTime() throws Exception {
        Path out = tmp.resolve("demo");
        CliRun.of("demo", "--sample", sampleRepo().toString(), "--out", out.toString());

        CliRun again = CliRun.of("demo", "--sample", sampleRepo().toString(), "--out", out.toString());

        assertDemoSucceeded(again, out.resolve("repo"));
    }

    @Test
    void demo_withoutASampleFolder_usesTheCopyInsideTheProgram() throws Exception {
        Path out = tmp.resolve("demo");
        Path missing = tmp.resolve("no-sample-here");

        CliRun run = CliRun.of("demo", "--sample", missing.toString(), "--out", out.toString());

        assertDemoSucceeded(run, out.resolve("repo"));
        Path extracted = out.resolve("sample-repo");
        assertTrue(run.out().contains(extracted.resolve("fleet").toString()), run.transcript());
        for (String profile : files(sampleRepo().resolve("fleet"))) {
            assertEquals(Files.readString(sampleRepo().resolve("fleet").resolve(profile)),
                    Files.readString(extracted.resolve("fleet").resolve(profile)), profile);
        }
        assertTrue(Files.isDirectory(extracted.resolve("workloads")), "the workloads the profiles point at come along");
    }
}
