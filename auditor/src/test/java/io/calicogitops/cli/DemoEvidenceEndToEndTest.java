package io.calicogitops.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static io.calicogitops.cli.CliRun.sampleRepo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The demo ends by exporting a signed evidence bundle for eks-prod and verifying it; the bundle verifies from the CLI too. */
class DemoEvidenceEndToEndTest {

    @TempDir
    Path tmp;

    @Test
    void demo_endsByExportingAndVerifyingTheEvidenceBundleOfEksProd() {
        Path out = tmp.resolve("demo");

        CliRun run = CliRun.of("demo", "--sample", sampleRepo().toString(), "--out", out.toString());

        assertEquals(0, run.exitCode(), run.transcript());
        assertTrue(run.out().contains("\n== 7. export a signed PCI evidence bundle for eks-prod"), run.transcript());
        assertTrue(run.out().matches("(?s).*\nmanifest digest [0-9a-f]{64}\nverified: \\d+ files match the manifest, signature valid\n.*"),
                run.transcript());
        assertFalse(run.out().contains("UNEXPECTED"), run.transcript());
        Path zip = out.resolve("evidence-eks-prod.zip");
        assertTrue(Files.isRegularFile(zip));

        CliRun verify = CliRun.of("evidence", "verify", zip.toString(), "--public-key", out.resolve("keys/evidence.pub").toString());

        assertEquals(0, verify.exitCode(), verify.transcript());
        assertTrue(verify.out().contains("\nsignature: valid (Ed25519)\n"), verify.transcript());
    }
}
