package io.calicogitops.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.calicogitops.version.BuildInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipFile;

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

    /** The demo's bundle reports what `check segmentation --live` finds on the sample's drifted eks-prod snapshot. */
    @Test
    void demoBundle_reportsTheLiveSegmentationViolation_withTheCountCheckSegmentationLiveGives() throws IOException {
        Path out = tmp.resolve("demo");
        CliRun run = CliRun.of("demo", "--sample", sampleRepo().toString(), "--out", out.toString());
        assertEquals(0, run.exitCode(), run.transcript());

        CliRun check = CliRun.of("check", "segmentation", "--repo", out.resolve("repo").toString(), "--cluster", "eks-prod",
                "--fleet", sampleRepo().resolve("fleet").toString(), "--live", sampleRepo().resolve("live/eks-prod.yaml").toString(),
                "-o", "json");
        assertEquals(1, check.exitCode(), "violated: " + check.transcript());
        int counterExamples = JSON.readTree(check.out()).path("violations").size();
        assertTrue(counterExamples > 0);

        Path zip = out.resolve("evidence-eks-prod.zip");
        JsonNode live = JSON.readTree(entry(zip, "segmentation/live.json"));
        assertFalse(live.path("holds").asBoolean(true));
        assertEquals(counterExamples, live.path("violations").size());
        JsonNode mapping = JSON.readTree(entry(zip, "pci-dss-mapping.json"));
        for (JsonNode r : mapping.path("requirements")) {
            String id = r.path("requirement").asText();
            if (r.path("standard").asText().equals("PCI DSS v4.0") && (id.equals("1.3.1") || id.equals("1.3.2"))) {
                assertEquals("not met", r.path("status").asText(), id + ": " + r);
                assertTrue(r.path("note").asText().contains("Live: VIOLATED, " + counterExamples + " counter-examples"), r.toString());
            }
        }
        String index = new String(entry(zip, "index.html"), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(index.contains("violated</span> " + counterExamples + " counter-examples"), "the index shows the live result");
        assertTrue(run.out().contains("\non the live snapshot eks-prod.yaml: VIOLATED, " + counterExamples + " counter-examples"),
                run.transcript());
        assertTrue(run.out().contains(" not evidenced; segmentation (1.3.1, 1.3.2) not met (computed on the live snapshot as well as on Git)\n"),
                run.transcript());

        JsonNode manifest = JSON.readTree(entry(zip, "manifest.json"));
        assertEquals(BuildInfo.current().version(), manifest.path("tool").path("version").asText());
        assertEquals(BuildInfo.current().commit(), manifest.path("tool").path("commit").asText());
        CliRun version = CliRun.of("--version");
        assertEquals("calico-gitops " + BuildInfo.current().version() + " (commit " + BuildInfo.current().commit() + ")\n",
                version.out(), "--version names the same build as the manifest");
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private static byte[] entry(Path zip, String name) throws IOException {
        try (ZipFile z = new ZipFile(zip.toFile()); InputStream in = z.getInputStream(z.getEntry(name))) {
            return in.readAllBytes();
        }
    }
}
