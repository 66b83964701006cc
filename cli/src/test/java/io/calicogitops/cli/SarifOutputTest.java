package io.calicogitops.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.calicogitops.testing.SarifSchema;
import org.junit.jupiter.api.BeforeAll;
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

/** SARIF 2.1.0 from validate, lint and audit, checked against the OASIS schema, with the rule ids and locations CI needs. */
class SarifOutputTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path shared;
    static Path repo;

    @TempDir
    Path tmp;

    @BeforeAll
    static void render() {
        repo = shared.resolve("gitops");
        CliRun render = CliRun.of("render", "--fleet", sampleFleet(), "--repo", repo.toString());
        assertEquals(0, render.exitCode(), render.transcript());
    }

    private static JsonNode run(String sarif) throws Exception {
        assertEquals(List.of(), SarifSchema.errors(sarif), sarif);
        JsonNode root = JSON.readTree(sarif);
        assertEquals("2.1.0", root.get("version").asText());
        return root.get("runs").get(0);
    }

    private static List<String> ruleIds(JsonNode run) {
        List<String> ids = new ArrayList<>();
        run.get("results").forEach(r -> ids.add(r.get("ruleId").asText()));
        return ids;
    }

    @Test
    void lint_sarif_onePerFindingWithItsCodeAsRuleAndTheFileLine() throws Exception {
        CliRun text = CliRun.of("lint", "--repo", repo.toString(), "--cluster", "eks-dev", "--fleet", sampleFleet());
        CliRun sarif = CliRun.of("lint", "--repo", repo.toString(), "--cluster", "eks-dev", "--fleet", sampleFleet(), "-o", "sarif");
        assertEquals(0, sarif.exitCode(), sarif.transcript());
        JsonNode run = run(sarif.out());
        List<String> codes = text.out().lines().filter(l -> l.contains(": warning: CG-L"))
                .map(l -> l.replaceAll("^.*: warning: (CG-L\\d{3}):.*$", "$1")).toList();
        assertFalse(codes.isEmpty(), "the sample has lint findings (CG-L004 on eks-dev): " + text.out());
        assertEquals(codes, ruleIds(run));
        assertEquals(7, run.at("/tool/driver/rules").size(), "the whole catalogue CG-L001..CG-L007");
        for (JsonNode r : run.get("results")) {
            String uri = r.at("/locations/0/physicalLocation/artifactLocation/uri").asText();
            assertTrue(uri.startsWith("clusters/eks-dev/"), "relative to the repository root: " + uri);
            assertTrue(r.at("/locations/0/physicalLocation/region/startLine").asInt() > 0, r.toString());
        }
    }

    @Test
    void validate_sarif_validFleet_listsLintAndIsValid() throws Exception {
        CliRun run = CliRun.of("validate", "--fleet", sampleFleet(), "-o", "sarif");
        assertEquals(0, run.exitCode(), run.transcript());
        JsonNode sarif = run(run.out());
        assertTrue(ruleIds(sarif).stream().allMatch(id -> id.startsWith("CG-L") || id.equals("CG-V-warning")), ruleIds(sarif).toString());
    }

    @Test
    void validate_invalidFleet_sarifAndJsonCarryTheErrorAtItsLine_exit3() throws Exception {
        Path fleet = CliRun.copySampleFleet(tmp.resolve("sample"));
        Files.writeString(fleet.resolve("eks-tiers.yaml"), String.join("\n",
                "name: eks-tiers", "provider: EKS", "cni: calico", "packs: [tiers, kube-dns]", "tiers:",
                "  - {name: platform, order: 300}", "  - {name: secuirty, order: 400}", ""));

        CliRun sarif = CliRun.of("validate", "--fleet", fleet.toString(), "-o", "sarif");
        assertEquals(3, sarif.exitCode(), sarif.transcript());
        assertTrue(sarif.err().contains("1 error; nothing was written"), "stderr as always: " + sarif.transcript());
        JsonNode run = run(sarif.out());
        JsonNode error = run.get("results").get(0);
        assertEquals("error", error.get("level").asText());
        assertTrue(error.get("ruleId").asText().startsWith("CG-V-"), error.toString());
        assertTrue(error.at("/locations/0/physicalLocation/artifactLocation/uri").asText().endsWith("fleet/eks-tiers.yaml"), error.toString());
        assertEquals(7, error.at("/locations/0/physicalLocation/region/startLine").asInt());

        CliRun json = CliRun.of("validate", "--fleet", fleet.toString(), "-o", "json");
        assertEquals(3, json.exitCode());
        JsonNode doc = JSON.readTree(json.out());
        assertEquals("calico-gitops/validate/v1", doc.get("schemaVersion").asText());
        assertFalse(doc.get("valid").asBoolean());
        assertEquals(1, doc.get("errors").size());
        assertEquals(7, doc.at("/errors/0/line").asInt());
    }

    @Test
    void audit_sarif_oneResultPerDriftAtItsPlaceInGit() throws Exception {
        String live = sampleRepo().resolve("live").resolve("eks-prod.yaml").toString();
        CliRun json = CliRun.of("audit", "--repo", repo.toString(), "--cluster", "eks-prod", "--live", live, "-o", "json");
        CliRun sarif = CliRun.of("audit", "--repo", repo.toString(), "--cluster", "eks-prod", "--live", live, "-o", "sarif");
        assertEquals(1, sarif.exitCode(), sarif.transcript());
        JsonNode run = run(sarif.out());
        JsonNode report = JSON.readTree(json.out());
        int drift = 0;
        for (JsonNode f : report.get("resources")) {
            String status = f.get("status").asText();
            drift += status.equals("modified") || status.equals("missing") || status.equals("unmanaged") ? 1 : 0;
        }
        assertTrue(drift > 0);
        assertEquals(drift, run.get("results").size());
        for (JsonNode r : run.get("results")) {
            assertTrue(r.get("ruleId").asText().matches("CG-D-(critical|warning|info)-(modified|missing|unmanaged)"), r.toString());
            assertTrue(r.at("/locations/0/physicalLocation/artifactLocation/uri").asText().startsWith("clusters/eks-prod/"), r.toString());
        }
        assertEquals(sarif.out(), CliRun.of("audit", "--repo", repo.toString(), "--cluster", "eks-prod", "--live", live, "-o", "sarif").out(),
                "same input, same bytes");
    }
}
