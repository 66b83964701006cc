package io.calicogitops.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

import static io.calicogitops.evidence.EvidenceFixtures.liveSnapshot;
import static io.calicogitops.evidence.EvidenceFixtures.text;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the PCI mapping says for each requirement, depending on what went into the bundle. */
class PciMappingTest {

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

    private static JsonNode requirement(Path zip, String standard, String id) throws IOException {
        for (JsonNode r : JSON.readTree(text(zip, BundleLayout.PCI_MAPPING)).path("requirements")) {
            if (r.path("standard").asText().equals(standard) && r.path("requirement").asText().equals(id)) {
                return r;
            }
        }
        throw new AssertionError(standard + " " + id + " not in the mapping");
    }

    private static JsonNode evidence(JsonNode requirement, String path) {
        for (JsonNode e : requirement.path("evidence")) {
            if (e.path("path").asText().equals(path)) {
                return e;
            }
        }
        throw new AssertionError(path + " not evidence of " + requirement);
    }

    @Test
    void withoutWorkloads_diagramsAndSegmentation_areNotIncludedAndSayHowToAddThem() throws IOException {
        Path zip = EvidenceFixtures.Export.of(repo, "eks-prod").live(liveSnapshot("eks-prod")).to(dir.resolve("b.zip")).out();

        JsonNode diagram = requirement(zip, PciRequirement.V4, "1.2.3");
        assertEquals("not evidenced", diagram.path("status").asText());
        assertEquals("not included: export with --fleet DIR or --workloads PATH (runs `calico-gitops diagram`)",
                evidence(diagram, BundleLayout.NETWORK_DIAGRAM).path("notIncluded").asText());
        assertEquals("not evidenced", requirement(zip, PciRequirement.V4, "1.2.4").path("status").asText());
        JsonNode inbound = requirement(zip, PciRequirement.V4, "1.3.1");
        assertEquals("not included: export with --fleet DIR or --workloads PATH (runs `calico-gitops check segmentation`)",
                evidence(inbound, BundleLayout.SEGMENTATION).path("notIncluded").asText());
        assertTrue(evidence(inbound, "desired/clusters/eks-prod/calico/globalnetworkpolicy-security.pci-whitelist.yaml").path("included").asBoolean());
        assertEquals("partial", inbound.path("status").asText(), "the PCI policies are there, the proof flow by flow is not");
        assertEquals("partial", requirement(zip, PciRequirement.V4, "1.3.2").path("status").asText());
    }

    @Test
    void withTheFleet_diagramsAndSegmentationAreIncluded_andTheSegmentationRowsFollowTheDriftedLiveState() throws IOException {
        EvidenceSources sources = new EvaluatedSources(EvidenceSources.standard(),
                Optional.of(EvidenceFixtures.projectRoot().resolve("sample-repo/fleet")), List.of());
        Path zip = EvidenceFixtures.Export.of(repo, "eks-prod").live(liveSnapshot("eks-prod")).sources(sources).to(dir.resolve("c.zip")).out();
        Path again = EvidenceFixtures.Export.of(repo, "eks-prod").live(liveSnapshot("eks-prod")).sources(sources).to(dir.resolve("d.zip")).out();

        for (String id : List.of("1.2.3", "1.2.4")) {
            assertEquals("evidenced", requirement(zip, PciRequirement.V4, id).path("status").asText(), id);
        }
        for (String id : List.of("1.3.1", "1.3.2")) {
            assertEquals("not met", requirement(zip, PciRequirement.V4, id).path("status").asText(), id + ": the live snapshot violates it");
        }
        assertTrue(new ObjectMapper().readTree(EvidenceFixtures.text(zip, BundleLayout.SEGMENTATION)).path("holds").asBoolean());
        assertTrue(EvidenceFixtures.text(zip, BundleLayout.SEGMENTATION_TEXT).startsWith("segmentation of eks-prod by PCI=true: HOLDS"));
        assertTrue(EvidenceFixtures.text(zip, BundleLayout.DATA_FLOWS).contains("storefront/storefrontend"));
        assertTrue(EvidenceFixtures.text(zip, BundleLayout.INDEX).contains("<h2>Network diagram</h2>"));
        assertTrue(EvidenceFixtures.text(zip, BundleLayout.INDEX).contains("<svg xmlns="));
        assertArrayEquals(Files.readAllBytes(zip), Files.readAllBytes(again), "same input, same bytes");
        assertTrue(new Evidence().verify(zip, "c.zip", Optional.empty()).valid());
    }

    @Test
    void withoutLiveSource_consistencyRequirementsPointAtTheMissingDriftReportAndSayHowToGetIt() throws IOException {
        Path zip = EvidenceFixtures.Export.of(repo, "eks-prod").to(dir.resolve("b.zip")).out();

        JsonNode r = requirement(zip, PciRequirement.V4, "1.2.8");
        assertEquals("partial", r.path("status").asText());
        assertEquals("not included: export with --live FILE or --kubeconfig FILE",
                evidence(r, BundleLayout.DRIFT_HTML).path("notIncluded").asText());
        assertTrue(r.path("note").asText().startsWith("No drift report: the bundle was exported without a live source."));
        assertTrue(evidence(r, "desired/clusters/eks-prod/").path("included").asBoolean());
    }

    @Test
    void withLiveSource_theNoteCarriesTheDriftVerdict() throws IOException {
        Path zip = EvidenceFixtures.Export.of(repo, "eks-prod").live(liveSnapshot("eks-prod")).to(dir.resolve("b.zip")).out();

        JsonNode r = requirement(zip, PciRequirement.V4, "1.2.8");
        assertTrue(r.path("note").asText().startsWith("Drift report at export: DRIFT (critical): 6 resources differ from Git."),
                r.path("note").asText());
        assertTrue(evidence(r, BundleLayout.LIVE_SNAPSHOT).path("included").asBoolean());
        assertTrue(requirement(zip, PciRequirement.V3, "1.2.2").path("note").asText().startsWith("Drift report at export: DRIFT"));
    }

    @Test
    void requirement121_desiredStateAndCommits_isEvidenced() throws IOException {
        Path zip = EvidenceFixtures.Export.of(repo, "eks-prod").to(dir.resolve("b.zip")).out();

        assertEquals("evidenced", requirement(zip, PciRequirement.V4, "1.2.1").path("status").asText());
    }

    @Test
    void v321Rows_nameTheirV40Successor_andTheWorkshopsWords() throws IOException {
        Path zip = EvidenceFixtures.Export.of(repo, "eks-prod").to(dir.resolve("b.zip")).out();

        JsonNode syncRouters = requirement(zip, PciRequirement.V3, "1.2.2");
        assertEquals("1.2.8", syncRouters.path("v4Requirement").asText());
        assertTrue(syncRouters.path("workshop").asText().contains("PCI=true"));
        assertEquals("1.2.3", requirement(zip, PciRequirement.V3, "1.1.2").path("v4Requirement").asText());
        assertTrue(requirement(zip, PciRequirement.V3, "1.1.2").path("workshop").asText().contains("Service Graph"));
    }

    @Test
    void historyAndDriftLogNotAvailableInABuild_theirFilesAreInTheBundleButNotCountedAsEvidence() throws IOException {
        Path zip = EvidenceFixtures.Export.of(repo, "eks-prod").sources(EvidenceSources.unavailable()).to(dir.resolve("b.zip")).out();

        JsonNode changes = requirement(zip, PciRequirement.V4, "1.2.2");
        assertFalse(evidence(changes, BundleLayout.HISTORY).path("included").asBoolean());
        assertTrue(evidence(changes, BundleLayout.HISTORY).path("notIncluded").asText().startsWith("not available in this build"));
        assertTrue(evidence(changes, BundleLayout.COMMITS).path("included").asBoolean());
        assertEquals("not evidenced", requirement(zip, PciRequirement.V4, "10.5.1").path("status").asText());
    }

    @Test
    void thisBuildsSources_withoutRecordedAudits_retentionIsPartialAndSaysHowToRecord() throws IOException {
        Path zip = EvidenceFixtures.Export.of(repo, "eks-prod").to(dir.resolve("b.zip")).out();

        JsonNode retention = requirement(zip, PciRequirement.V4, "10.5.1");
        assertTrue(evidence(retention, BundleLayout.DRIFT_TIMELINE).path("included").asBoolean());
        assertEquals("partial", retention.path("status").asText());
        assertTrue(retention.path("note").asText().endsWith(
                "No audit was recorded in the interval (record them with `calico-gitops audit --record`)."), retention.path("note").asText());
        assertTrue(evidence(requirement(zip, PciRequirement.V4, "1.2.2"), BundleLayout.HISTORY).path("included").asBoolean());
    }

    @Test
    void availableSources_areEvidence_andTheirCaveatsMakeARequirementPartial() throws IOException {
        EvidenceSources sources = new EvidenceSources() {
            @Override
            public SourceFiles history(EvidenceScope scope) {
                TreeMap<String, byte[]> files = new TreeMap<>();
                for (String p : List.of(BundleLayout.HISTORY, BundleLayout.HISTORY_EVENTS)) {
                    files.put(p, "{}\n".getBytes(StandardCharsets.UTF_8));
                }
                files.put(BundleLayout.HISTORY_SUMMARY, "commit,time\n".getBytes(StandardCharsets.UTF_8));
                return new SourceFiles(true, "change history: 3 changes", Optional.empty(), files);
            }

            @Override
            public SourceFiles driftLog(EvidenceScope scope) {
                TreeMap<String, byte[]> files = new TreeMap<>();
                files.put(BundleLayout.DRIFT_TIMELINE, "{}\n".getBytes(StandardCharsets.UTF_8));
                files.put(BundleLayout.DRIFT_LOG_VERIFY, "{}\n".getBytes(StandardCharsets.UTF_8));
                return new SourceFiles(true, "drift log: 12 audits", Optional.of("No audit was recorded for 9 days."), files);
            }
        };

        Path zip = EvidenceFixtures.Export.of(repo, "eks-prod").sources(sources)
                .interval(Instant.parse("2025-01-01T00:00:00Z"), Instant.parse("2100-01-01T00:00:00Z")).to(dir.resolve("b.zip")).out();

        JsonNode retention = requirement(zip, PciRequirement.V4, "10.5.1");
        assertTrue(evidence(retention, BundleLayout.DRIFT_TIMELINE).path("included").asBoolean());
        assertEquals("partial", retention.path("status").asText());
        assertTrue(retention.path("note").asText().endsWith("No audit was recorded for 9 days."), retention.path("note").asText());
        JsonNode changes = requirement(zip, PciRequirement.V4, "1.2.2");
        List<Boolean> included = new ArrayList<>();
        changes.path("evidence").forEach(e -> included.add(e.path("included").asBoolean()));
        assertEquals(List.of(true, true, true, true, true), included);
        assertEquals("partial", changes.path("status").asText(), "approvals are kept by the Git host");
    }
}
