package io.calicogitops.audit;

import com.fasterxml.jackson.databind.JsonNode;
import io.calicogitops.audit.ignore.IgnoreRules;
import io.calicogitops.audit.live.V1Mapping;
import io.calicogitops.diag.Diagnostic;
import io.calicogitops.diag.Diagnostics;
import io.calicogitops.diag.SourceLocation;
import io.calicogitops.model.Resource;
import io.calicogitops.model.ResourceId;
import io.calicogitops.testing.Golden;
import io.calicogitops.validate.Locator;
import io.calicogitops.validate.ManifestValidator;
import io.calicogitops.yaml.YamlDocument;
import io.calicogitops.yaml.YamlReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The robustness corpus {@code testdata/upstream/real-world-policies/} (Calico YAML written by other people): every file is
 * read (multi-document files, {@code List}s, calicoctl output), every document validated to its golden diagnostics
 * ({@code golden/real-world/<file>.txt}), and every file audited clean against what the Calico API server returns for
 * it, in the v3 view (3.30+ and pre-3.30 naming) and as the {@code crd.projectcalico.org/v1} CRs that store it.
 */
class RealWorldCorpusTest {

    private static final String SCENARIO = "real-world";
    private static final String DISPLAY = "real-world-policies/";
    private static final YamlReader YAML = new YamlReader();
    private static final ManifestValidator VALIDATOR = new ManifestValidator();

    /** One object of a corpus file (a List contributes its items) and where its fields are written. */
    record Doc(Resource resource, Locator where) {
    }

    static Path corpus() {
        return Path.of(System.getProperty("project.root", "..")).toAbsolutePath().normalize()
                .resolve("testdata/upstream/real-world-policies");
    }

    static Stream<String> files() {
        try (Stream<Path> list = Files.list(corpus())) {
            return list.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml")).sorted().toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException("the corpus is needed: " + corpus(), e);
        }
    }

    /** The objects of {@code file}, Lists expanded, in file order; YAML problems go to {@code diagnostics}. */
    static List<Doc> read(String file, Diagnostics diagnostics) {
        List<Doc> out = new ArrayList<>();
        for (YamlDocument doc : YAML.readFile(corpus().resolve(file), DISPLAY + file, diagnostics)) {
            JsonNode body = doc.body();
            if (body.path("kind").asText().endsWith("List") && body.path("items").isArray()) {
                for (int i = 0; i < body.get("items").size(); i++) {
                    String prefix = "/items/" + i;
                    JsonNode item = body.get("items").get(i);
                    out.add(new Doc(Resource.of(item, doc.locate(prefix)), pointer -> doc.locate(prefix + pointer)));
                }
            } else {
                out.add(new Doc(Resource.of(body, doc.location()), Locator.of(doc.locations())));
            }
        }
        return out;
    }

    private static List<Doc> readClean(String file) {
        Diagnostics diagnostics = new Diagnostics();
        List<Doc> docs = read(file, diagnostics);
        assertFalse(diagnostics.hasErrors(), diagnostics::format);
        return docs;
    }

    @Test
    void corpus_everyFileHasAGoldenAndEveryGoldenAFile() throws IOException {
        List<String> files = files().toList();
        assertTrue(files.size() >= 37, "the corpus at " + corpus() + " has " + files.size() + " files");
        try (Stream<Path> goldens = Files.list(Golden.testResources("auditor", "golden/" + SCENARIO))) {
            List<String> stale = goldens.map(p -> p.getFileName().toString().replaceAll("\\.txt$", ""))
                    .filter(n -> !files.contains(n)).toList();
            assertEquals(List.of(), stale, "golden files without a corpus file");
        }
    }

    @ParameterizedTest
    @MethodSource("files")
    void read_everyDocumentParsesWithIdentity(String file) {
        List<Doc> docs = readClean(file);

        assertFalse(docs.isEmpty(), file);
        for (Doc d : docs) {
            ResourceId id = d.resource().id();
            assertFalse(id.kind().isEmpty() || id.name().isEmpty(), file + ": " + d.resource().body());
            assertEquals("projectcalico.org/v3", d.resource().apiVersion(), id.display());
        }
    }

    @ParameterizedTest
    @MethodSource("files")
    void validate_diagnosticsMatchGolden(String file) {
        Diagnostics diagnostics = new Diagnostics();
        List<Doc> docs = read(file, diagnostics);
        docs.forEach(d -> VALIDATOR.validate(d.resource(), d.where(), diagnostics));

        StringBuilder text = new StringBuilder("# ").append(DISPLAY).append(file).append(": ").append(docs.size())
                .append(docs.size() == 1 ? " document" : " documents").append('\n');
        docs.forEach(d -> text.append(d.resource().id().display()).append('\n'));
        text.append('\n');
        List<Diagnostic> found = diagnostics.sorted();
        text.append(found.isEmpty() ? "no diagnostics\n"
                : found.stream().map(Diagnostic::format).collect(Collectors.joining("\n", "", "\n")));
        Golden.assertText(Golden.testResources("auditor", "golden/" + SCENARIO).resolve(file + ".txt"), text.toString());
    }

    @ParameterizedTest
    @MethodSource("files")
    void audit_againstTheApiServersV3View_isInSync(String file) {
        assertInSync(file, desired -> ApiServerRoundTrip.v3(desired, 1, ApiServerRoundTrip.Naming.AS_CREATED));
    }

    @ParameterizedTest
    @MethodSource("files")
    void audit_againstAPre330ServerThatStripsTheDefaultPrefix_isInSync(String file) {
        assertInSync(file, desired -> ApiServerRoundTrip.v3(desired, 2, ApiServerRoundTrip.Naming.PRE_3_30));
    }

    @ParameterizedTest
    @MethodSource("files")
    void audit_againstV1CustomResourcesMappedByTheReaders_isInSync(String file) {
        assertInSync(file, desired -> V1Mapping.toV3(ApiServerRoundTrip.v1(
                        ApiServerRoundTrip.v3(desired, 3, ApiServerRoundTrip.Naming.AS_CREATED)),
                SourceLocation.of("cluster:test"), new Diagnostics()).orElseThrow());
    }

    @ParameterizedTest
    @MethodSource("files")
    void audit_againstRawV1CustomResources_isInSync(String file) {
        assertInSync(file, desired -> ApiServerRoundTrip.v1(
                ApiServerRoundTrip.v3(desired, 4, ApiServerRoundTrip.Naming.PRE_3_30)));
    }

    @ParameterizedTest
    @MethodSource("files")
    void roundTrip_changesEveryObject_soTheAuditHasSomethingToNormalise(String file) {
        for (Doc d : readClean(file)) {
            JsonNode live = ApiServerRoundTrip.v3(d.resource().body(), 1, ApiServerRoundTrip.Naming.AS_CREATED);
            assertNotEquals(d.resource().body(), live, d.resource().id().display());
            assertTrue(live.path("metadata").has("managedFields"), d.resource().id().display());
        }
    }

    private static void assertInSync(String file, UnaryOperator<JsonNode> server) {
        List<Doc> docs = readClean(file);
        Map<ResourceId, Resource> desired = new LinkedHashMap<>();
        Map<ResourceId, Locator> locations = new LinkedHashMap<>();
        List<Resource> live = new ArrayList<>();
        for (Doc d : docs) {
            assertNull(desired.putIfAbsent(d.resource().id(), d.resource()), "duplicate " + d.resource().id());
            locations.put(d.resource().id(), d.where());
            live.add(Resource.of(server.apply(d.resource().body()), SourceLocation.of("cluster:test")));
        }
        AuditRequest request = new AuditRequest(Path.of("."), "corpus", "HEAD", kinds -> {
            throw new AssertionError("compare does not read");
        }, IgnoreRules.none(), LocalDate.of(2026, 11, 22));

        AuditReport report = new Auditor().compare(request, new DesiredState("0".repeat(40), desired, locations),
                new LiveSnapshot("test", live, List.of()));

        List<String> drift = report.entries().stream().filter(e -> e.status() != DriftStatus.IN_SYNC)
                .map(e -> e.id().display() + " " + e.status() + " " + e.changes().stream().map(Change::sentence).toList())
                .toList();
        assertEquals(List.of(), drift, file);
        assertEquals(new TreeSet<>(desired.keySet()),
                report.entries().stream().map(DriftEntry::id).collect(Collectors.toCollection(TreeSet::new)), file);
        assertTrue(report.inSync(), file);
    }
}
