package io.calicogitops.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.calicogitops.diag.Diagnostics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** JSON read through the JSON parser gives exactly what the YAML parser gives, or is left to the YAML parser. */
class JsonFastPathTest {

    private final YamlReader reader = new YamlReader();
    private final JsonFastPath fast = new JsonFastPath(YamlLimits.defaults());

    private List<YamlDocument> viaYaml(String text, Diagnostics d) {
        return reader.readYaml(text, new SourceText(text), "live.json", d);
    }

    private Optional<List<YamlDocument>> viaJson(String text) {
        return fast.read(text, new SourceText(text), "live.json");
    }

    /** Same trees (node types included) and the same location of every value and key. */
    private void assertSameAsYaml(String text) {
        Diagnostics d = new Diagnostics();
        List<YamlDocument> yaml = viaYaml(text, d);
        assertTrue(d.sorted().isEmpty(), d.sorted().toString());
        List<YamlDocument> json = viaJson(text).orElseThrow(() -> new AssertionError("fast path gave up on " + text));
        assertEquals(1, yaml.size());
        assertEquals(yaml.get(0).line(), json.get(0).line());
        assertEquals(yaml.get(0).body(), json.get(0).body());
        assertSameTypes(yaml.get(0).body(), json.get(0).body());
        for (String p : Pointers.of(yaml.get(0).body())) {
            assertEquals(yaml.get(0).locate(p), json.get(0).locate(p), "value at " + p);
            assertEquals(yaml.get(0).locations().locateKey(p), json.get(0).locations().locateKey(p), "key at " + p);
            assertEquals(yaml.get(0).locations().scalarStyle(p), json.get(0).locations().scalarStyle(p), "style at " + p);
        }
    }

    private static void assertSameTypes(JsonNode a, JsonNode b) {
        assertEquals(a.getNodeType(), b.getNodeType());
        assertEquals(a.getClass(), b.getClass(), a.toString());
        Iterator<JsonNode> ia = a.elements();
        Iterator<JsonNode> ib = b.elements();
        while (ia.hasNext()) {
            assertSameTypes(ia.next(), ib.next());
        }
    }

    @Test
    void kubectlStyleList_sameTreeAndLocations() {
        assertSameAsYaml("""
                {
                    "apiVersion": "v1",
                    "items": [
                        {
                            "apiVersion": "projectcalico.org/v3",
                            "kind": "GlobalNetworkPolicy",
                            "metadata": {"name": "security.p1", "labels": {"a/b~c": "x"}, "annotations": {}},
                            "spec": {"order": 100, "big": 12345678901, "huge": 123456789012345678901234567890,
                                     "ratio": 0.5, "neg": -3, "on": true, "off": false, "none": null, "empty": "",
                                     "types": ["Ingress", "Egress"], "nested": [[1, 2], [], {}],
                                     "text": "tab\\tquote\\" back\\\\slash unicode \\u00e9 caf\u00e9 \\u4e2d"}
                        }
                    ],
                    "kind": "List",
                    "metadata": {"resourceVersion": ""}
                }
                """);
    }

    @Test
    void compactAndWindowsLineEnds_sameTreeAndLocations() {
        assertSameAsYaml("[{\"a\":1,\"b\":[true,null]},\r\n  {\"c\":\"d\"}]\r\n");
    }

    @Test
    void sampleLiveSnapshotAsJson_sameTreeAndLocations() throws Exception {
        Path sample = Path.of(System.getProperty("project.root", "..")).resolve("sample-repo/live/eks-prod.yaml");
        Diagnostics d = new Diagnostics();
        JsonNode tree = reader.read(Files.readString(sample), "eks-prod.yaml", d).get(0).body();
        String json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(tree);
        assertSameAsYaml(json);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"a\": 1e3}",                    // YAML 1.1 reads 1e3 as a string
            "{\"a\": 1.5E+3}",
            "{\"a\": \"a\\/b\"}",            // the escape \/ is JSON only: YAML 1.1 reports it
            "{\"a\": \"x\u0085y\"}",             // NEL breaks a line in YAML only
            "{\"a\": \"\uD83D\uDE00\"}",          // a supplementary character: columns count differently
            "{\"a\": 1}\n---\n{\"b\": 2}",     // more than one document
            "{\"a\": 1, \"a\": 2}",            // duplicate key: the YAML reading reports it
            "{\"a\": [1, 2}",                  // broken JSON: the YAML reading reports it
            "{\"a\": 1} # comment",
            "a: 1",
            ""})
    void doubtfulOrBrokenText_isLeftToTheYamlReader(String text) {
        assertFalse(viaJson(text).isPresent());
        Diagnostics viaRead = new Diagnostics();
        Diagnostics viaYaml = new Diagnostics();
        List<YamlDocument> read = reader.read(text, "live.json", viaRead);
        List<YamlDocument> yaml = viaYaml(text, viaYaml);
        assertEquals(yaml.stream().map(YamlDocument::body).toList(), read.stream().map(YamlDocument::body).toList());
        assertEquals(viaYaml.sorted(), viaRead.sorted());
    }

    @Test
    void tooDeep_isLeftToTheYamlReader_whichReportsTheLimit() {
        String deep = "[".repeat(150) + "]".repeat(150);
        assertFalse(viaJson(deep).isPresent());
        Diagnostics d = new Diagnostics();
        reader.read(deep, "live.json", d);
        assertTrue(d.hasErrors());
    }
}
