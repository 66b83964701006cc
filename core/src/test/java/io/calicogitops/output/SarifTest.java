package io.calicogitops.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.calicogitops.diag.Diagnostic;
import io.calicogitops.diag.SourceLocation;
import io.calicogitops.testing.SarifSchema;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SarifTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static String sample() {
        return Sarif.write("1.2.3",
                List.of(new Sarif.Rule("R2", "two", "Second rule", null), new Sarif.Rule("R1", "one", "First rule", "Help")),
                List.of(new Sarif.Result("R2", Sarif.Level.WARNING, "at a place", "clusters/a/b.yaml", 12, 3),
                        new Sarif.Result("R1", Sarif.Level.ERROR, "line only", "x.yaml", 4, 0),
                        new Sarif.Result("R1", Sarif.Level.NOTE, "nowhere", null, 0, 0)));
    }

    @Test
    void output_isValidSarif210() {
        assertEquals(List.of(), SarifSchema.errors(sample()));
    }

    @Test
    void theSchemaCheckCanFail() {
        assertFalse(SarifSchema.errors("{\"version\": \"2.1.0\", \"runs\": [{\"tool\": {}}]}").isEmpty());
    }

    @Test
    void rulesSortedById_resultsPointAtThemWithFileLineColumn() throws Exception {
        JsonNode run = MAPPER.readTree(sample()).get("runs").get(0);
        assertEquals("R1", run.at("/tool/driver/rules/0/id").asText());
        assertEquals("R2", run.at("/tool/driver/rules/1/id").asText());
        JsonNode first = run.get("results").get(0);
        assertEquals("R2", first.get("ruleId").asText());
        assertEquals(1, first.get("ruleIndex").asInt());
        assertEquals("clusters/a/b.yaml", first.at("/locations/0/physicalLocation/artifactLocation/uri").asText());
        assertEquals("%SRCROOT%", first.at("/locations/0/physicalLocation/artifactLocation/uriBaseId").asText());
        assertEquals(12, first.at("/locations/0/physicalLocation/region/startLine").asInt());
        assertEquals(3, first.at("/locations/0/physicalLocation/region/startColumn").asInt());
        assertTrue(run.get("results").get(1).at("/locations/0/physicalLocation/region/startColumn").isMissingNode());
        assertTrue(run.get("results").get(2).get("locations") == null, "no file, no location");
    }

    @Test
    void sameInputSameBytes_andAResultMustNameAKnownRule() {
        assertEquals(sample(), sample());
        assertThrows(IllegalArgumentException.class, () -> Sarif.write("1", List.of(),
                List.of(new Sarif.Result("R9", Sarif.Level.NOTE, "m", null, 0, 0))));
    }

    @Test
    void diagnostics_becomeResultsWithTheirRuleAndHint() throws Exception {
        Diagnostic d = Diagnostic.warning(SourceLocation.of("p.yaml", 3, 5), "CG-L003: nothing matches", "fix it");
        String out = DiagnosticSarif.write("1", Map.of("CG-L001", new Sarif.Rule("CG-L001", "a", "A", "A")), List.of(d),
                x -> new Sarif.Rule("CG-L003", "c", "C", "C"), x -> "nothing matches");
        assertEquals(List.of(), SarifSchema.errors(out));
        JsonNode run = MAPPER.readTree(out).get("runs").get(0);
        assertEquals(2, run.at("/tool/driver/rules").size(), "the known rule is listed although nothing found it");
        assertEquals("nothing matches\nhint: fix it", run.at("/results/0/message/text").asText());
        assertEquals("warning", run.at("/results/0/level").asText());
    }
}
