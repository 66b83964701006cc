package io.calicogitops.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.calicogitops.audit.AuditReport;
import io.calicogitops.testing.Golden;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static io.calicogitops.report.ReportFixtures.render;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The versioned JSON report: golden output, key order, and conformance to its published JSON Schema. */
class JsonReporterTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Schema SCHEMA = loadSchema();

    @Test
    void write_driftReport_matchesGolden() throws IOException {
        Golden.assertText(ReportFixtures.golden("drift.json"), render(new JsonReporter(), ReportFixtures.drift()));
    }

    @Test
    void write_inSyncReport_matchesGolden() throws IOException {
        Golden.assertText(ReportFixtures.golden("in-sync.json"), render(new JsonReporter(), ReportFixtures.inSync()));
    }

    @ParameterizedTest
    @MethodSource("reports")
    void write_anyReport_validatesAgainstTheSchema(AuditReport report) throws IOException {
        JsonNode json = MAPPER.readTree(render(new JsonReporter(), report));
        assertEquals(List.of(), messages(SCHEMA.validate(json)));
    }

    @Test
    void schema_rejectsUnknownStatusMissingKeysAndUndocumentedFields() throws IOException {
        ObjectNode json = (ObjectNode) MAPPER.readTree(render(new JsonReporter(), ReportFixtures.drift()));
        ((ObjectNode) json.get("resources").get(0)).put("status", "drifted");
        ((ObjectNode) json.get("resources").get(1)).remove("patch");
        ((ObjectNode) json.get("resources").get(2)).put("note", "x");
        json.put("schemaVersion", "calico-gitops/audit/v2");
        List<String> errors = messages(SCHEMA.validate(json));
        assertTrue(errors.size() >= 4, () -> "expected at least 4 errors, got " + errors);
    }

    @Test
    void write_keysAreInSchemaOrderAndEveryResourceHasEveryKey() throws IOException {
        JsonNode json = MAPPER.readTree(render(new JsonReporter(), ReportFixtures.drift()));
        assertEquals(List.of("schemaVersion", "cluster", "desiredCommit", "desiredRef", "liveSource", "inSync",
                "worstSeverity", "summary", "coverage", "expiredIgnoreRules", "resources"), names(json));
        for (JsonNode r : json.get("resources")) {
            assertEquals(List.of("kind", "apiGroup", "namespace", "name", "status", "severity", "desiredFile", "patch",
                    "changes", "ignoredBy"), names(r));
        }
    }

    @Test
    void write_driftReport_mapsTheModel() throws IOException {
        JsonNode json = MAPPER.readTree(render(new JsonReporter(), ReportFixtures.drift()));
        assertFalse(json.get("inSync").asBoolean());
        assertEquals("critical", json.get("worstSeverity").asText());
        assertEquals(0.7778, json.get("coverage").get("ratio").asDouble());
        JsonNode modified = json.get("resources").get(2);
        assertEquals("modified", modified.get("status").asText());
        assertEquals("clusters/eks-prod/policies/deny-egress-internet.yaml:4", modified.get("desiredFile").asText());
        assertEquals(3, modified.get("patch").size());
        JsonNode clusterScoped = json.get("resources").get(1);
        assertEquals("", clusterScoped.get("namespace").asText());
        assertTrue(clusterScoped.get("desiredFile").isNull());
        assertTrue(clusterScoped.get("patch").isArray() && clusterScoped.get("patch").isEmpty(), "null patch -> []");
        JsonNode missing = json.get("resources").get(4);
        assertTrue(missing.get("patch").isArray() && missing.get("patch").isEmpty(), "MissingNode patch -> []");
        assertEquals("operator-managed-labels", json.get("resources").get(3).get("ignoredBy").asText());
    }

    @Test
    void write_endsWithOneNewlineAndUsesTwoSpaceIndentWithoutCarriageReturns() {
        String out = render(new JsonReporter(), ReportFixtures.empty());
        assertTrue(out.endsWith("}\n") && !out.endsWith("\n\n"));
        assertFalse(out.contains("\r"));
        assertTrue(out.contains("\n  \"schemaVersion\": \"calico-gitops/audit/v1\",\n"), out);
        assertTrue(out.contains("\"resources\": []"), out);
    }

    static Stream<AuditReport> reports() {
        return ReportFixtures.all().stream();
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> messages(List<Error> errors) {
        return errors.stream().map(Error::toString).toList();
    }

    private static Schema loadSchema() {
        try (InputStream in = JsonReporter.class.getResourceAsStream("/schemas/audit-report.v1.schema.json")) {
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(MAPPER.readTree(in));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
