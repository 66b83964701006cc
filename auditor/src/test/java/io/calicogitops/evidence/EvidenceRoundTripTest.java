package io.calicogitops.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.calicogitops.git.GitRepo;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.calicogitops.evidence.EvidenceFixtures.entries;
import static io.calicogitops.evidence.EvidenceFixtures.liveSnapshot;
import static io.calicogitops.evidence.EvidenceFixtures.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Export then verify: the bundle holds what the layout promises, its manifest adds up, its mapping and page point at real files. */
class EvidenceRoundTripTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path shared;
    static Path repo;
    static Path bundle;
    static ExportResult result;

    @BeforeAll
    static void exportEksProdWithItsLiveSnapshot() {
        repo = EvidenceFixtures.renderedRepo(shared.resolve("repo"), "eks-prod", "eks-dev");
        bundle = shared.resolve("eks-prod.zip");
        result = EvidenceFixtures.Export.of(repo, "eks-prod").live(liveSnapshot("eks-prod")).to(bundle);
    }

    @Test
    void export_thenVerify_isValidAndEveryListedFileMatches() {
        BundleCheck check = new Evidence().verify(bundle, "eks-prod.zip", Optional.empty());

        assertTrue(check.valid(), check.problems().toString());
        assertEquals(result.manifest().files().size(), check.filesMatched());
        assertEquals(SignatureStatus.UNSIGNED, check.signature());
        assertEquals(result.manifest().digest(), check.computedDigest());
    }

    @Test
    void export_withLiveSnapshot_holdsEveryFileOfTheLayout() {
        Set<String> paths = entries(bundle).keySet();

        for (String expected : List.of(BundleLayout.MANIFEST, BundleLayout.INDEX, BundleLayout.PCI_MAPPING, BundleLayout.COMMITS,
                BundleLayout.LIVE_SNAPSHOT, BundleLayout.DRIFT_JSON, BundleLayout.DRIFT_HTML, BundleLayout.HISTORY,
                BundleLayout.HISTORY_SUMMARY, BundleLayout.HISTORY_EVENTS, BundleLayout.DRIFT_TIMELINE,
                BundleLayout.DRIFT_LOG_VERIFY, "desired/clusters/eks-prod/calico/kustomization.yaml",
                "desired/clusters/eks-prod/calico/globalnetworkpolicy-security.pci-whitelist.yaml")) {
            assertTrue(paths.contains(expected), expected + " in " + paths);
        }
        assertFalse(paths.contains(BundleLayout.SIGNATURE), "unsigned");
        assertFalse(paths.contains(BundleLayout.IGNORE_RULES), "only with --ignore");
        assertTrue(paths.stream().noneMatch(p -> p.startsWith("desired/clusters/eks-dev/")), "only the one cluster");
    }

    @Test
    void desiredFolder_isTheClustersFolderAtTheEndCommit_byteForByte() {
        Map<String, byte[]> files = entries(bundle);
        try (GitRepo git = GitRepo.open(repo)) {
            var head = git.resolve("HEAD").orElseThrow();
            var tree = git.readTree(head, "clusters/eks-prod");
            assertEquals(tree.keySet(), new TreeSet<>(files.keySet().stream().filter(p -> p.startsWith("desired/clusters/"))
                    .map(p -> p.substring("desired/".length())).toList()));
            tree.forEach((path, bytes) -> assertEquals(new String(bytes, StandardCharsets.UTF_8),
                    new String(files.get("desired/" + path), StandardCharsets.UTF_8), path));
            assertEquals(head.name(), result.manifest().commits().end());
        }
    }

    @Test
    void manifest_describesTheBundleAndListsEveryOtherFileSortedWithItsHash() throws IOException {
        JsonNode m = JSON.readTree(text(bundle, BundleLayout.MANIFEST));
        Map<String, byte[]> files = entries(bundle);

        assertEquals("calico-gitops/evidence/v1", m.path("schemaVersion").asText());
        assertEquals("eks-prod", m.path("cluster").asText());
        assertEquals("calico-gitops", m.path("tool").path("name").asText());
        assertEquals("2026-11-22T10:00:00Z", m.path("generatedAt").asText());
        assertEquals("2000-01-01T00:00:00Z", m.path("interval").path("since").asText());
        assertEquals("repo", m.path("repo").path("folder").asText(), "no remote: the folder name only");
        List<String> listed = new ArrayList<>();
        m.path("files").forEach(f -> listed.add(f.path("path").asText()));
        assertEquals(listed.stream().sorted().toList(), listed, "sorted by path");
        Set<String> expected = new TreeSet<>(files.keySet());
        expected.remove(BundleLayout.MANIFEST);
        assertEquals(expected, new TreeSet<>(listed), "every file but the manifest itself");
        for (JsonNode f : m.path("files")) {
            byte[] bytes = files.get(f.path("path").asText());
            assertEquals(Sha256.hex(bytes), f.path("sha256").asText(), f.path("path").asText());
            assertEquals(bytes.length, f.path("size").asLong());
        }
    }

    @Test
    void manifestDigest_isTheSha256OfTheCanonicalFilesArray_asJqPrintsIt() throws IOException {
        JsonNode m = JSON.readTree(text(bundle, BundleLayout.MANIFEST));
        // What 'jq -jcS .files manifest.json' prints: keys sorted, no whitespace, no final newline.
        StringBuilder canonical = new StringBuilder("[");
        for (JsonNode f : m.path("files")) {
            canonical.append(canonical.length() == 1 ? "" : ",").append("{\"path\":\"").append(f.path("path").asText())
                    .append("\",\"sha256\":\"").append(f.path("sha256").asText()).append("\",\"size\":")
                    .append(f.path("size").asLong()).append('}');
        }
        canonical.append(']');

        assertEquals(Sha256.hex(canonical.toString().getBytes(StandardCharsets.UTF_8)), m.path("digest").path("value").asText());
    }

    @Test
    void pciMapping_pointsOnlyAtFilesInTheBundle_orMarksThemNotIncludedWithWhatToDo() throws IOException {
        JsonNode mapping = JSON.readTree(text(bundle, BundleLayout.PCI_MAPPING));
        Set<String> paths = entries(bundle).keySet();

        List<String> ids = new ArrayList<>();
        for (JsonNode r : mapping.path("requirements")) {
            ids.add(r.path("standard").asText().replace("PCI DSS ", "") + " " + r.path("requirement").asText());
            for (JsonNode e : r.path("evidence")) {
                String path = e.path("path").asText();
                boolean present = path.endsWith("/") ? paths.stream().anyMatch(p -> p.startsWith(path)) : paths.contains(path);
                if (e.path("included").asBoolean()) {
                    assertTrue(present, r.path("requirement").asText() + " points at " + path + ", which is not in the bundle");
                } else {
                    assertTrue(e.path("notIncluded").asText().startsWith("not "), path + ": " + e);
                }
            }
            assertTrue(Set.of("evidenced", "partial", "not met", "not evidenced").contains(r.path("status").asText()), r.toString());
        }
        for (String id : List.of("v4.0 1.2.1", "v4.0 1.2.2", "v4.0 1.2.3", "v4.0 1.2.5", "v4.0 1.2.7", "v4.0 1.2.8",
                "v4.0 1.3.1", "v4.0 1.3.2", "v4.0 10.5.1", "v3.2.1 1.1", "v3.2.1 1.1.2", "v3.2.1 1.1.3", "v3.2.1 1.1.4",
                "v3.2.1 1.1.6", "v3.2.1 1.2.1", "v3.2.1 1.2.2", "v3.2.1 1.2.3")) {
            assertTrue(ids.contains(id), id + " in " + ids);
        }
    }

    @Test
    void indexHtml_linksOnlyToFilesOfTheBundle() {
        String html = text(bundle, BundleLayout.INDEX);
        Set<String> paths = entries(bundle).keySet();
        Matcher m = Pattern.compile("href=\"([^\"]+)\"").matcher(html);
        int links = 0;
        while (m.find()) {
            String href = m.group(1);
            assertFalse(href.contains(":") || href.startsWith("/") || href.contains(".."), "relative links only: " + href);
            boolean present = href.endsWith("/") ? paths.stream().anyMatch(p -> p.startsWith(href)) : paths.contains(href);
            assertTrue(present, href + " is not in the bundle");
            links++;
        }
        assertTrue(links > paths.size() - 3, "every file is linked from the page: " + links);
        assertTrue(html.contains("<span class=\"verdict-label\">Drift</span>"), "the planted drift of eks-prod shows");
        assertTrue(html.contains("<p class=\"generated\">Generated at 2026-11-22T10:00:00Z by calico-gitops test (commit 0123abc-dirty)</p>"),
                "the page says when (as given, not the clock) and by which build");
    }

    @Test
    void liveSnapshot_isTheObjectsTheAuditCompared_asOneKubectlList() {
        String yaml = text(bundle, BundleLayout.LIVE_SNAPSHOT);

        assertTrue(yaml.startsWith("apiVersion: v1\nkind: List\nitems:\n"), yaml.substring(0, 80));
        assertTrue(yaml.contains("name: security.pci-whitelist"), "the PCI policy as the cluster runs it");
        assertFalse(yaml.contains("\r"), "LF line ends");
    }

    @Test
    void driftReport_isTheAuditOfTheEndCommitAgainstTheSnapshot() throws IOException {
        JsonNode report = JSON.readTree(text(bundle, BundleLayout.DRIFT_JSON));

        assertEquals(result.manifest().commits().end(), report.path("desiredCommit").asText());
        assertFalse(report.path("inSync").asBoolean());
        assertEquals("critical", report.path("worstSeverity").asText());
        assertEquals("files: eks-prod.yaml", report.path("liveSource").asText().split(";")[0], "the file's name, not its path");
        assertTrue(text(bundle, BundleLayout.DRIFT_HTML).contains("egress rule 2: action Deny -&gt; Allow"));
    }

    @Test
    void history_isTheHistoryCommandsReportFromTheEndCommit_withItsCsvAndEvents() throws IOException {
        JsonNode history = JSON.readTree(text(bundle, BundleLayout.HISTORY));

        assertEquals("calico-gitops/history/v1", history.path("schemaVersion").asText());
        assertEquals("eks-prod", history.path("cluster").asText());
        assertEquals(result.manifest().commits().end(), history.path("headCommit").asText());
        assertEquals(1, history.path("commits").size(), "the render commit");
        assertTrue(text(bundle, BundleLayout.HISTORY_SUMMARY).startsWith("startTime,endTime,"));
        assertTrue(JSON.readTree(text(bundle, BundleLayout.HISTORY_EVENTS)).isArray());
    }

    @Test
    void driftLog_nothingRecorded_emptyTimelineAndAnIntactButEmptyChain() throws IOException {
        JsonNode timeline = JSON.readTree(text(bundle, BundleLayout.DRIFT_TIMELINE));
        JsonNode verify = JSON.readTree(text(bundle, BundleLayout.DRIFT_LOG_VERIFY));

        assertEquals("calico-gitops/drift-log-show/v1", timeline.path("schemaVersion").asText());
        assertEquals(0, timeline.path("entries").size());
        assertTrue(verify.path("valid").asBoolean());
        assertTrue(verify.path("tip").isNull(), verify.toString());
    }

    @Test
    void sourcesNotInTheBuild_sayInSoManyWordsThatTheyAreNotAvailable() throws IOException {
        Path zip = EvidenceFixtures.Export.of(repo, "eks-prod").sources(EvidenceSources.unavailable())
                .to(shared.resolve("unavailable.zip")).out();

        JsonNode history = JSON.readTree(text(zip, BundleLayout.HISTORY));
        JsonNode timeline = JSON.readTree(text(zip, BundleLayout.DRIFT_TIMELINE));
        assertFalse(history.path("available").asBoolean());
        assertTrue(history.path("reason").asText().startsWith("not available in this build"), history.toString());
        assertFalse(timeline.path("available").asBoolean());
        assertTrue(timeline.path("reason").asText().startsWith("not available in this build"), timeline.toString());
        assertFalse(entries(zip).containsKey(BundleLayout.HISTORY_EVENTS));
        assertTrue(new Evidence().verify(zip, "unavailable.zip", Optional.empty()).valid());
    }

    @Test
    void textFiles_theExportWrites_useLfAndEndWithANewline() {
        for (Map.Entry<String, byte[]> f : entries(bundle).entrySet()) {
            if (f.getKey().startsWith("desired/clusters/")) {
                continue; // Git's bytes, as committed
            }
            String s = new String(f.getValue(), StandardCharsets.UTF_8);
            assertFalse(s.contains("\r"), f.getKey());
            assertTrue(s.endsWith("\n"), f.getKey());
        }
    }
}
