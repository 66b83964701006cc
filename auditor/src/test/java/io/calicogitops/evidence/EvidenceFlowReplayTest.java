package io.calicogitops.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.calicogitops.policy.Endpoint;
import io.calicogitops.policy.Flow;
import io.calicogitops.policy.Protocols;
import io.calicogitops.query.EvaluationInput;
import io.calicogitops.query.EvaluationRequest;
import io.calicogitops.query.LoadedModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Evidence with --flow-logs: the replay summary is in the bundle, and PCI 1.3.x say "consistent" only when it agrees. */
class EvidenceFlowReplayTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CONSISTENT = "Observed traffic consistent with the policies in Git";

    @TempDir
    static Path shared;
    static Path repo;
    static Path fleet;

    @TempDir
    Path dir;

    @BeforeAll
    static void render() {
        repo = EvidenceFixtures.renderedRepo(shared.resolve("repo"), "eks-prod");
        fleet = EvidenceFixtures.projectRoot().resolve("sample-repo/fleet");
    }

    /** A src record from storefrontend to backend carrying the verdict Git gives it (no trace: only the verdict is compared). */
    private Path agreeingRecord() throws IOException {
        LoadedModel m = EvaluationInput.load(new EvaluationRequest(repo, "eks-prod", "HEAD", List.of(), Optional.of(fleet),
                Optional.empty(), "", List.of(), List.of()));
        Endpoint from = m.model().inventory().find("storefront/storefrontend").orElseThrow();
        Endpoint to = m.model().inventory().find("storefront/backend").orElseThrow();
        boolean allowed = m.model().compiled().evaluate(new Flow(from, to, Protocols.TCP, 80)).first().egress().allows();
        return write("ok.log", record("storefrontend", allowed ? "allow" : "deny"));
    }

    private static String record(String source, String action) {
        return "{\"source_type\":\"wep\",\"source_name_aggr\":\"" + source + "-5d8f7c9b4-*\",\"source_namespace\":\"storefront\","
                + "\"source_labels\":{\"labels\":[\"app=" + source + "\"]},\"dest_type\":\"wep\",\"dest_name_aggr\":\"backend-7c9d5f6b8-*\","
                + "\"dest_namespace\":\"storefront\",\"dest_labels\":{\"labels\":[\"app=backend\"]},\"dest_port\":80,\"proto\":\"tcp\","
                + "\"action\":\"" + action + "\",\"reporter\":\"src\"}";
    }

    private Path write(String name, String line) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, line + "\n");
        return f;
    }

    private Path export(Path flowLog, String zipName) {
        EvidenceSources sources = new EvaluatedSources(EvidenceSources.standard(), Optional.of(fleet), List.of(),
                flowLog == null ? List.of() : List.of(flowLog));
        return EvidenceFixtures.Export.of(repo, "eks-prod").sources(sources).to(dir.resolve(zipName)).out();
    }

    private static String note(Path zip, String id) throws IOException {
        for (JsonNode r : JSON.readTree(EvidenceFixtures.text(zip, BundleLayout.PCI_MAPPING)).path("requirements")) {
            if (r.path("standard").asText().equals(PciRequirement.V4) && r.path("requirement").asText().equals(id)) {
                return r.path("note").asText();
            }
        }
        throw new AssertionError(id);
    }

    @Test
    void agreeingReplay_isInTheBundle_andThe13RowsSayConsistent() throws IOException {
        Path zip = export(agreeingRecord(), "ok.zip");
        JsonNode replay = JSON.readTree(EvidenceFixtures.text(zip, BundleLayout.FLOW_REPLAY));
        assertEquals(1, replay.path("records").asInt());
        assertEquals(1, replay.path("agreed").asInt(), replay.toString());
        for (String id : List.of("1.3.1", "1.3.2")) {
            assertTrue(note(zip, id).contains(CONSISTENT), note(zip, id));
        }
        assertTrue(new Evidence().verify(zip, "ok.zip", Optional.empty()).valid());
    }

    @Test
    void disagreeingReplay_rowsDoNotClaimConsistency() throws IOException {
        Path zip = export(write("bad.log", record("ghost", "allow")), "bad.zip");
        for (String id : List.of("1.3.1", "1.3.2")) {
            assertFalse(note(zip, id).contains(CONSISTENT), note(zip, id));
            assertTrue(note(zip, id).contains("1 of 1 flow-log records disagree"), note(zip, id));
        }
    }

    @Test
    void withoutFlowLogs_noObservedTrafficClaim() throws IOException {
        Path zip = export(null, "none.zip");
        assertFalse(EvidenceFixtures.entries(zip).containsKey(BundleLayout.FLOW_REPLAY));
        assertFalse(note(zip, "1.3.1").contains("Observed traffic"), note(zip, "1.3.1"));
    }
}
