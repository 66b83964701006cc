package io.calicogitops.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.calicogitops.render.Generator;
import io.calicogitops.render.RepoUpdate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipFile;

import static io.calicogitops.cli.CliRun.sampleRepo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Audits recorded with {@code audit --record} reach the bundle: the drift timeline, the verified chain, history's drift key. */
class EvidenceDriftLogEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void twoRecordedAudits_areInTheTimelineAndHistory_andTheChainIsVerifiedWithItsTip() throws IOException {
        Path repo = dir.resolve("repo");
        RepoUpdate.write(new Generator().render(new Generator.RenderRequest(sampleRepo().resolve("fleet"), Optional.empty(),
                Optional.empty(), List.of("eks-prod"), Path::toString)), repo, false, false, "render eks-prod");
        String live = sampleRepo().resolve("live/eks-prod.yaml").toString();
        for (String now : List.of("2026-03-01T06:00:00Z", "2026-03-02T06:00:00Z")) {
            CliRun audit = CliRun.of("audit", "--repo", repo.toString(), "--cluster", "eks-prod", "--live", live, "--record",
                    "--now", now);
            assertEquals(1, audit.exitCode(), audit.transcript());
        }
        Path zip = dir.resolve("evidence.zip");

        CliRun export = CliRun.of("evidence", "export", "--repo", repo.toString(), "--cluster", "eks-prod", "--since", "2026-01-01",
                "--until", "2100-12-31", "--out", zip.toString(), "--generated-at", "2026-11-22T10:00:00Z");

        assertEquals(0, export.exitCode(), export.transcript());
        JsonNode timeline = json(zip, "history/drift-timeline.json");
        assertEquals(2, timeline.path("entries").size(), timeline.toString());
        assertTrue(timeline.path("drift").size() > 0, "the planted drift shows as spans");
        assertEquals("2026-03-01T06:00:00Z", timeline.path("drift").get(0).path("firstSeen").asText());
        JsonNode verify = json(zip, "history/drift-log-verify.json");
        assertTrue(verify.path("valid").asBoolean(), verify.toString());
        assertEquals(2, verify.path("entries").asInt());
        assertTrue(verify.path("tip").asText().matches("[0-9a-f]{40}"), verify.toString());
        JsonNode history = json(zip, "history/history.json");
        assertEquals(2, history.path("drift").size(), history.path("drift").toString());
        assertTrue(history.path("drift").toString().contains("drift (critical, 6 resources)"), history.path("drift").toString());
        assertEquals("2026-03-01T06:00:00Z", history.path("driftSpans").get(0).path("firstSeen").asText(), history.toString());
        assertEquals(86400, history.path("expectedIntervalSeconds").asLong());
        CliRun check = CliRun.of("evidence", "verify", zip.toString());
        assertEquals(0, check.exitCode(), check.transcript());
    }

    private static JsonNode json(Path zip, String path) throws IOException {
        try (ZipFile file = new ZipFile(zip.toFile()); InputStream in = file.getInputStream(file.getEntry(path))) {
            return JSON.readTree(in);
        }
    }
}
