package io.calicogitops.schema;

import com.fasterxml.jackson.databind.JsonNode;
import io.calicogitops.diag.Diagnostic;
import io.calicogitops.diag.SourceLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every Calico document of the Calico Cloud workshop validates clean against the Enterprise schemas. */
class SchemaWorkshopTest {

    private static final List<String> FOLDERS = List.of(
            "workshop/regismartins/inline", "workshop/tigera-solutions-pre");
    /** Application manifests (Deployments, Services without a namespace): no Calico kinds, not ours to validate. */
    private static final Set<String> APP_MANIFESTS = Set.of("005-kubernetes-manifests.yaml");

    private static final SchemaValidator ENTERPRISE = SchemaValidator.of(CrdFlavour.ENTERPRISE);

    static Stream<Arguments> workshopDocuments() throws IOException {
        List<Arguments> out = new ArrayList<>();
        for (String folder : FOLDERS) {
            for (Path file : yamlFiles(SchemaFixtures.upstream().resolve(folder))) {
                if (APP_MANIFESTS.contains(file.getFileName().toString())) {
                    continue;
                }
                List<JsonNode> docs = SchemaFixtures.documents(file);
                for (int i = 0; i < docs.size(); i++) {
                    String label = file.getFileName() + "#" + (i + 1) + " " + docs.get(i).path("kind").asText();
                    out.add(Arguments.of(label, docs.get(i)));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("workshopDocuments")
    void validate_workshopDocument_isClean(String label, JsonNode document) {
        List<Diagnostic> errors = ENTERPRISE.validate(document, pointer -> SourceLocation.of(label + pointer));
        assertEquals(List.of(), errors.stream().map(Diagnostic::format).toList());
    }

    @Test
    void workshopFolders_holdTheExpectedNumberOfDocuments() throws IOException {
        // 18 inline files with 23 documents, 6 tigera-solutions files with 15: guards against a silently empty corpus.
        assertEquals(38, workshopDocuments().count());
    }

    @Test
    void skippedAppManifests_holdNoCalicoKinds() {
        Path file = SchemaFixtures.upstream().resolve("workshop/tigera-solutions-pre/005-kubernetes-manifests.yaml");
        List<JsonNode> docs = SchemaFixtures.documents(file);
        assertFalse(docs.isEmpty());
        for (JsonNode doc : docs) {
            String apiVersion = doc.path("apiVersion").asText();
            assertTrue(apiVersion.equals("v1") || apiVersion.equals("apps/v1"), apiVersion);
        }
    }

    @Test
    void ipAddressList_shellVariableInNets_isNotCheckedByTheSchema() {
        // File 12 holds "$MY_IP/32". The GlobalNetworkSet CRD types nets as plain strings (no format, no pattern),
        // so the schema accepts it; catching bad CIDRs is a semantic check, not a schema one.
        Path file = SchemaFixtures.upstream().resolve(
                "workshop/regismartins/inline/12-globalnetworkset-ip-address-list.yaml");
        JsonNode doc = SchemaFixtures.documents(file).get(0);
        assertEquals("$MY_IP/32", doc.at("/spec/nets/0").asText());
        JsonNode netSchema = SchemaWalk.at(CrdSchemas.shared(CrdFlavour.ENTERPRISE)
                .find("projectcalico.org", "GlobalNetworkSet").orElseThrow().schema(), DocPath.of("spec", "nets", 0));
        assertEquals(SchemaFixtures.yaml("{type: string}"), netSchema);
        assertEquals(List.of(), ENTERPRISE.validate(doc, LocationLookup.file("12.yaml")));
    }

    private static List<Path> yamlFiles(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
    }
}
