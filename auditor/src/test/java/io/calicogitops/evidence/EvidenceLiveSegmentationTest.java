package io.calicogitops.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.calicogitops.audit.live.FileLiveReader;
import io.calicogitops.audit.LiveReader;
import io.calicogitops.diag.ClusterAccessException;
import io.calicogitops.query.EvaluationInput;
import io.calicogitops.query.EvaluationRequest;
import io.calicogitops.query.Segmentation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static io.calicogitops.evidence.EvidenceFixtures.liveSnapshot;
import static io.calicogitops.evidence.EvidenceFixtures.text;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * With a live state in the bundle, segmentation and diagrams are evaluated on it as well as on Git, and the PCI rows
 * follow the live result: the sample's eks-prod snapshot carries planted drift that breaks segmentation, while Git holds.
 */
class EvidenceLiveSegmentationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path shared;
    static Path repo;

    @TempDir
    Path dir;

    @BeforeAll
    static void render() {
        repo = EvidenceFixtures.renderedRepo(shared.resolve("repo"), "eks-prod");
    }

    private static EvidenceSources withFleet() {
        return new EvaluatedSources(EvidenceSources.standard(),
                Optional.of(EvidenceFixtures.projectRoot().resolve("sample-repo/fleet")), List.of());
    }

    static JsonNode requirement(Path zip, String standard, String id) throws IOException {
        for (JsonNode r : JSON.readTree(text(zip, BundleLayout.PCI_MAPPING)).path("requirements")) {
            if (r.path("standard").asText().equals(standard) && r.path("requirement").asText().equals(id)) {
                return r;
            }
        }
        throw new AssertionError(standard + " " + id + " not in the mapping");
    }

    /** What `check segmentation --live` finds on the same inputs: the number the bundle must report. */
    private static int liveCounterExamples() {
        Path snapshot = liveSnapshot("eks-prod");
        return Segmentation.check(EvaluationInput.load(new EvaluationRequest(repo, "eks-prod", "HEAD", List.of(),
                Optional.of(EvidenceFixtures.projectRoot().resolve("sample-repo/fleet")), Optional.of(new FileLiveReader(List.of(snapshot))),
                "files", List.of(snapshot), List.of())), null).result().violations().size();
    }

    @Test
    void driftedLiveSnapshot_segmentationRowsAreNotMet_withTheLiveCounterExamples_whileGitHolds() throws IOException {
        Path zip = EvidenceFixtures.Export.of(repo, "eks-prod").live(liveSnapshot("eks-prod")).sources(withFleet()).to(dir.resolve("a.zip")).out();
        Path again = EvidenceFixtures.Export.of(repo, "eks-prod").live(liveSnapshot("eks-prod")).sources(withFleet()).to(dir.resolve("b.zip")).out();

        int expected = liveCounterExamples();
        assertTrue(expected > 0, "the sample's planted drift breaks segmentation");
        JsonNode git = JSON.readTree(text(zip, BundleLayout.SEGMENTATION));
        JsonNode live = JSON.readTree(text(zip, BundleLayout.SEGMENTATION_LIVE));
        assertTrue(git.path("holds").asBoolean());
        assertFalse(live.path("holds").asBoolean());
        assertEquals(expected, live.path("violations").size());
        assertTrue(text(zip, BundleLayout.SEGMENTATION_LIVE_TEXT).startsWith("segmentation of eks-prod by PCI=true: VIOLATED\n"
                + "  policies: live: files: eks-prod.yaml\n"), "file names only, never the local path");
        for (String[] row : new String[][]{{PciRequirement.V4, "1.3.1"}, {PciRequirement.V4, "1.3.2"}, {PciRequirement.V3, "1.2.1"}}) {
            JsonNode r = requirement(zip, row[0], row[1]);
            assertEquals("not met", r.path("status").asText(), row[1]);
            assertTrue(r.path("note").asText().startsWith("Segmentation: Git: holds / Live: VIOLATED, " + expected
                    + " counter-examples. " + expected + " allowed flows cross the boundary, e.g. storefront/backend -> "), r.toString());
            assertTrue(r.path("derivedFrom").toString().contains(BundleLayout.SEGMENTATION_LIVE), r.toString());
        }
        String index = text(zip, BundleLayout.INDEX);
        assertTrue(index.contains("<tr><td>Git (end commit)</td><td>holds</td>"), "index shows both results");
        assertTrue(index.contains("<tr><td>Live (at export)</td><td><span class=\"pill st-not-met\">violated</span> " + expected
                + " counter-examples</td>"));
        assertTrue(index.contains("<li><code>ALLOW storefront/backend -&gt; "), "the first counter-examples are listed");
        assertTrue(Files.exists(zip) && text(zip, BundleLayout.NETWORK_DIAGRAM_LIVE).contains("<svg"));
        assertTrue(text(zip, BundleLayout.LIVE_EVALUATED).contains("kind: NetworkPolicy"), "the objects the live check read are in the bundle");
        assertArrayEquals(Files.readAllBytes(zip), Files.readAllBytes(again), "same input, same bytes");
        assertTrue(new Evidence().verify(zip, "a.zip", Optional.empty()).valid());
    }

    @Test
    void withoutLiveState_segmentationAndDiagramsSayTheyAreComputedFromGitOnly() throws IOException {
        Path zip = EvidenceFixtures.Export.of(repo, "eks-prod").sources(withFleet()).to(dir.resolve("a.zip")).out();

        JsonNode inbound = requirement(zip, PciRequirement.V4, "1.3.1");
        assertEquals("partial", inbound.path("status").asText());
        assertTrue(inbound.path("note").asText().startsWith(
                "Segmentation: Git: holds / Live: no live state in the bundle, so this status is computed from Git only."), inbound.toString());
        JsonNode diagram = requirement(zip, PciRequirement.V4, "1.2.3");
        assertEquals("partial", diagram.path("status").asText());
        assertTrue(diagram.path("note").asText().startsWith("Drawn from Git at the end commit only: the bundle has no live state."));
        assertFalse(EvidenceFixtures.entries(zip).containsKey(BundleLayout.SEGMENTATION_LIVE));
        assertTrue(text(zip, BundleLayout.INDEX).contains("no live state in the bundle: the PCI status is computed from Git only"));
    }

    @Test
    void liveStateThatCannotBeEvaluated_saysWhy_andIsNeverEvidencedOnGitAlone() throws IOException {
        // A cluster whose credentials may read policies but not list Pods: the audit works, the live evaluation cannot.
        FileLiveReader files = new FileLiveReader(List.of(liveSnapshot("eks-prod")));
        LiveReader noPods = query -> {
            if (query.kinds().contains("/Pod")) {
                throw new ClusterAccessException("pods is forbidden: User \"auditor\" cannot list resource \"pods\"");
            }
            return files.read(query);
        };
        Path zip = EvidenceFixtures.Export.of(repo, "eks-prod").live(new LiveInput(noPods, List.of())).sources(withFleet())
                .to(dir.resolve("a.zip")).out();

        JsonNode live = JSON.readTree(text(zip, BundleLayout.SEGMENTATION_LIVE));
        assertFalse(live.path("evaluated").asBoolean(true));
        assertTrue(live.path("reason").asText().contains("pods is forbidden"), live.toString());
        for (String id : List.of("1.3.1", "1.3.2", "1.2.3", "1.2.4")) {
            JsonNode r = requirement(zip, PciRequirement.V4, id);
            assertEquals("partial", r.path("status").asText(), id + " " + r);
        }
        assertTrue(requirement(zip, PciRequirement.V4, "1.3.1").path("note").asText().startsWith(
                "Segmentation: Git: holds / Live: not evaluated (pods is forbidden"), "says so");
        assertTrue(requirement(zip, PciRequirement.V4, "1.2.3").path("note").asText().startsWith(
                "Drawn from Git only: the live state could not be evaluated (pods is forbidden"));
    }
}
