package io.calicogitops.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import static io.calicogitops.evidence.EvidenceFixtures.liveSnapshot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every PCI row says only what a file in the bundle shows: no placeholder text in the catalogue or its output, each
 * row names the files its status is derived from and they are in the bundle, and a row with nothing to show is "not
 * evidenced" with the reason. Checked on bundles made with and without live state, evaluator and history sources.
 */
class PciMappingDerivationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> PLACEHOLDERS = List.of("reserved", "todo", "placeholder", "to come", "tbd", "fixme", "lorem");

    @TempDir
    static Path shared;
    static Path repo;
    /** Bundle name -> zip, one per kind of input. */
    static final Map<String, Path> BUNDLES = new LinkedHashMap<>();

    @BeforeAll
    static void export() {
        repo = EvidenceFixtures.renderedRepo(shared.resolve("repo"), "eks-prod");
        EvidenceSources fleet = new EvaluatedSources(EvidenceSources.standard(),
                Optional.of(EvidenceFixtures.projectRoot().resolve("sample-repo/fleet")), List.of());
        EvidenceFixtures.Export base = EvidenceFixtures.Export.of(repo, "eks-prod");
        BUNDLES.put("git only", base.to(shared.resolve("a.zip")).out());
        BUNDLES.put("live", base.live(liveSnapshot("eks-prod")).to(shared.resolve("b.zip")).out());
        BUNDLES.put("fleet", base.sources(fleet).to(shared.resolve("c.zip")).out());
        BUNDLES.put("fleet and live", base.sources(fleet).live(liveSnapshot("eks-prod")).to(shared.resolve("d.zip")).out());
        BUNDLES.put("no history", base.sources(EvidenceSources.unavailable()).to(shared.resolve("e.zip")).out());
    }

    @Test
    void catalogueAndMappingCode_haveNoPlaceholderText() throws IOException {
        Path dir = EvidenceFixtures.projectRoot().resolve("auditor/src/main/java/io/calicogitops/evidence");
        for (String file : List.of("PciCatalogue.java", "PciMapping.java", "PciChecks.java", "PciRequirement.java",
                "EvidenceStatus.java", "CheckResults.java")) {
            String text = Files.readString(dir.resolve(file)).toLowerCase(Locale.ROOT);
            for (String phrase : PLACEHOLDERS) {
                assertFalse(text.contains(phrase), file + " contains '" + phrase + "'");
            }
        }
    }

    @Test
    void everyRowOfEveryBundle_namesTheFilesItIsDerivedFrom_andTheyAreInTheBundle() throws IOException {
        for (Map.Entry<String, Path> b : BUNDLES.entrySet()) {
            Set<String> paths = EvidenceFixtures.entries(b.getValue()).keySet();
            JsonNode mapping = JSON.readTree(EvidenceFixtures.text(b.getValue(), BundleLayout.PCI_MAPPING));
            assertEquals(18, mapping.path("requirements").size());
            for (JsonNode r : mapping.path("requirements")) {
                String where = b.getKey() + ": " + r.path("standard").asText() + " " + r.path("requirement").asText();
                String words = (r.path("asks").asText() + " " + r.path("note").asText() + " " + r.path("evidence")).toLowerCase(Locale.ROOT);
                PLACEHOLDERS.forEach(p -> assertFalse(words.contains(p), where + " says '" + p + "': " + r));
                String status = r.path("status").asText();
                assertTrue(Set.of("evidenced", "partial", "not met", "not evidenced").contains(status), where + " " + status);
                List<String> derived = new ArrayList<>();
                r.path("derivedFrom").forEach(p -> derived.add(p.asText()));
                if (status.equals("not evidenced")) {
                    assertTrue(derived.isEmpty(), where);
                    assertTrue(r.path("note").asText().contains("Not evidenced: none of its files is in this bundle ("), where + " gives the reason");
                    continue;
                }
                assertFalse(derived.isEmpty(), where + " names no file");
                for (String p : derived) {
                    boolean present = p.endsWith("/") ? paths.stream().anyMatch(x -> x.startsWith(p)) : paths.contains(p);
                    assertTrue(present, where + " is derived from " + p + ", which is not in the bundle");
                }
            }
        }
    }

    @Test
    void segmentationStatus_followsTheChecksInTheBundle_notAConstant() throws IOException {
        Set<String> seen = new TreeSet<>();
        for (Path zip : BUNDLES.values()) {
            seen.add(EvidenceLiveSegmentationTest.requirement(zip, PciRequirement.V4, "1.3.1").path("status").asText());
        }
        assertEquals(Set.of("not met", "partial"), seen);
        assertEquals("not met", EvidenceLiveSegmentationTest.requirement(BUNDLES.get("fleet and live"), PciRequirement.V4, "1.3.1")
                .path("status").asText());
        assertEquals("not met", EvidenceLiveSegmentationTest.requirement(BUNDLES.get("live"), PciRequirement.V4, "1.2.8")
                .path("status").asText(), "the drift report shows drift");
        assertEquals("partial", EvidenceLiveSegmentationTest.requirement(BUNDLES.get("git only"), PciRequirement.V4, "1.2.8")
                .path("status").asText());
    }
}
