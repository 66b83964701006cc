package io.calicogitops.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code calico-gitops apply} options and failures that need no cluster: usage errors and an unreadable kubeconfig. */
class ApplyCommandTest {

    @TempDir
    Path dir;

    @Test
    void unknownStrategy_isAUsageError_exit2() {
        CliRun run = CliRun.of("apply", "--repo", dir.toString(), "--cluster", "eks-dev", "--strategy", "client-side");

        assertEquals(2, run.exitCode(), run.transcript());
        assertEquals("error: --strategy: unknown strategy 'client-side' (expected update or server-side)\n", run.err());
        assertEquals("", run.out());
    }

    @Test
    void unknownFormat_isAUsageError_exit2() {
        CliRun run = CliRun.of("apply", "--repo", dir.toString(), "--cluster", "eks-dev", "-o", "html");

        assertEquals(2, run.exitCode(), run.transcript());
        assertEquals("error: -o/--output: unknown output format 'html' for the apply result (expected text, json)\n", run.err());
    }

    @Test
    void missingKubeconfig_isAnAccessFailure_exit4_beforeAnythingIsRead() {
        Path kubeconfig = dir.resolve("no-such-kubeconfig");

        CliRun run = CliRun.of("apply", "--repo", dir.toString(), "--cluster", "eks-dev", "--kubeconfig", kubeconfig.toString());

        assertEquals(4, run.exitCode(), run.transcript());
        assertEquals("error: kubeconfig " + kubeconfig + " does not exist or is not a file\n", run.err());
        assertEquals("", run.out());
    }

    @Test
    void help_namesEveryOption() {
        CliRun run = CliRun.of("apply", "--help");

        assertEquals(0, run.exitCode(), run.transcript());
        for (String option : new String[] {"--repo", "--cluster", "--ref", "--kubeconfig", "--context", "--strategy",
                "--dry-run", "--prune", "-o, --output", "--output-file"}) {
            assertTrue(run.out().contains(option), option + " missing from\n" + run.out());
        }
    }
}
