package io.calicogitops.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Values that may be credentials never come back in an error: a broken kubeconfig, a mistyped option's value. */
class CredentialEchoTest {

    private static final String TOKEN = "kubeTokenOnTheBrokenLine0123456789";
    private static final String WEBHOOK = "https://hooks.slack.com/services/T000/B000/XXXXsecretPart";

    @TempDir
    Path dir;

    @Test
    void malformedKubeconfig_exits4AndNeverQuotesTheFile() throws IOException {
        Path kubeconfig = Files.writeString(dir.resolve("config"), """
                apiVersion: v1
                kind: Config
                current-context: prod
                users:
                - name: auditor
                  user: {token: "%s" : }
                """.formatted(TOKEN));

        for (String command : new String[] {"audit", "apply"}) {
            CliRun run = CliRun.of(command, "--repo", dir.toString(), "--cluster", "eks-dev",
                    "--kubeconfig", kubeconfig.toString());

            assertEquals(4, run.exitCode(), run.transcript());
            assertFalse(run.transcript().contains(TOKEN), run.transcript());
            assertFalse(run.transcript().contains("kubeTokenOn"), run.transcript());
            assertTrue(run.err().contains("cannot load the kubeconfig " + kubeconfig), run.transcript());
        }
    }

    @Test
    void mistypedOption_namesTheOptionButNotItsValue_exit2() {
        CliRun run = CliRun.of("audit", "--notify-webhok=" + WEBHOOK, "--repo", dir.toString(), "--cluster", "eks-dev",
                "--live", "x.yaml");

        assertEquals(2, run.exitCode(), run.transcript());
        assertFalse(run.transcript().contains("XXXXsecretPart"), run.transcript());
        assertFalse(run.transcript().contains("hooks.slack.com"), run.transcript());
        assertTrue(run.err().contains("Unknown option: '--notify-webhok=<value hidden>'"), run.transcript());
        assertTrue(run.err().contains("Possible solutions: --notify-webhook"), run.transcript());
    }

    @Test
    void urlAfterLive_isNotEchoed_exit2() {
        CliRun run = CliRun.of("audit", "--repo", dir.toString(), "--cluster", "eks-dev", "--live", "x.yaml", WEBHOOK);

        assertEquals(2, run.exitCode(), run.transcript());
        assertFalse(run.transcript().contains("XXXXsecretPart"), run.transcript());
        assertFalse(run.transcript().contains("hooks.slack.com"), run.transcript());
    }

    @Test
    void mistypedOption_withSeparateValue_neverEchoesTheValue_exit2() {
        CliRun run = CliRun.of("audit", "--repo", dir.toString(), "--cluster", "eks-dev", "--live", "x.yaml",
                "--notify-webhok", WEBHOOK);

        assertEquals(2, run.exitCode(), run.transcript());
        assertFalse(run.transcript().contains("XXXXsecretPart"), run.transcript());
    }
}
