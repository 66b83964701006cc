package io.calicogitops.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.calicogitops.diag.Diagnostics;
import io.calicogitops.model.Resource;
import io.calicogitops.yaml.YamlDocument;
import io.calicogitops.yaml.YamlReader;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Calico's own validator table (testdata/upstream/validator, translated from libcalico-go's validator_test.go):
 * every entry that can be written as a manifest gets the verdict upstream expects. Checked with the Calico OSS
 * schemas, which are the CRDs of the same commit.
 */
class UpstreamValidatorTableTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern REPEAT = Pattern.compile("\\$\\{x\\*(\\d+)}");

    // The table is libcalico-go's at 87c15906 (after v3.32.1): validate as Calico OSS 3.32.
    private final ManifestValidator validator = new ManifestValidator(
            CalicoTarget.of(CalicoTarget.Edition.OSS, "3.32").target().orElseThrow());

    static Path dir() {
        Path root = Path.of(System.getProperty("project.root", "..")).toAbsolutePath().normalize();
        return root.resolve("testdata/upstream/validator");
    }

    static List<JsonNode> read(String file) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        JSON.readTree(Files.readString(dir().resolve(file))).forEach(out::add);
        return out;
    }

    /** The verdict and messages of calico-gitops on one case. */
    private String errors(JsonNode manifest) throws IOException {
        String text = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(expand(manifest.deepCopy()));
        Diagnostics parse = new Diagnostics();
        List<YamlDocument> docs = new YamlReader().read(text, "case.yaml", parse);
        if (parse.hasErrors()) {
            return parse.format();
        }
        Diagnostics d = new Diagnostics();
        for (YamlDocument doc : docs) {
            validator.validate(Resource.of(doc.body(), doc.location()), Locator.of(doc.locations()), d);
        }
        return d.hasErrors() ? d.format() : "";
    }

    private static JsonNode expand(JsonNode n) {
        if (n instanceof ObjectNode o) {
            List<Map.Entry<String, JsonNode>> entries = new ArrayList<>(o.properties());
            o.removeAll();
            for (Map.Entry<String, JsonNode> e : entries) {
                o.set(expandText(e.getKey()), expand(e.getValue()));
            }
        } else if (n instanceof ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                a.set(i, expand(a.get(i)));
            }
        } else if (n.isTextual()) {
            return new TextNode(expandText(n.asText()));
        }
        return n;
    }

    private static String expandText(String s) {
        Matcher m = REPEAT.matcher(s);
        return m.matches() ? "x".repeat(Integer.parseInt(m.group(1))) : s;
    }

    @Test
    void everyMappableCaseGetsUpstreamsVerdict() throws IOException {
        List<String> disagreements = new ArrayList<>();
        for (JsonNode c : read("cases.json")) {
            if (c.path("needsCel").asBoolean()) {
                continue;
            }
            String errors = errors(c.get("manifest"));
            boolean valid = errors.isEmpty();
            if (valid != c.get("valid").asBoolean()) {
                disagreements.add("validator_test.go:" + c.get("line").asInt() + " " + c.get("description").asText()
                        + ": upstream " + (c.get("valid").asBoolean() ? "accepts" : "rejects") + ", we "
                        + (valid ? "accept" : "reject: " + errors.strip().replace('\n', ' ')));
            }
        }
        assertEquals("", String.join("\n", disagreements));
    }

    /** A case marked needsCel must still disagree: once CEL rules are evaluated, drop its line from needs-cel.txt. */
    @Test
    void needsCelMarksOnlyCasesThatStillDisagree() throws IOException {
        List<String> agreeing = new ArrayList<>();
        for (JsonNode c : read("cases.json")) {
            if (c.path("needsCel").asBoolean() && errors(c.get("manifest")).isEmpty() == c.get("valid").asBoolean()) {
                agreeing.add("validator_test.go:" + c.get("line").asInt() + " " + c.get("description").asText());
            }
        }
        assertEquals("", String.join("\n", agreeing), "these agree now: remove them from needs-cel.txt");
    }

    /** Every upstream entry is either a case or listed as unmappable with a reason, never both. */
    @Test
    void everyEntryIsAccountedFor() throws IOException {
        Set<Integer> lines = new HashSet<>();
        for (JsonNode c : read("cases.json")) {
            assertTrue(lines.add(c.get("line").asInt()), "duplicate line " + c.get("line"));
        }
        for (JsonNode u : read("unmappable.json")) {
            assertTrue(lines.add(u.get("line").asInt()), "line both mapped and unmappable: " + u.get("line"));
            assertTrue(!u.path("reason").asText().isBlank(), "unmappable without a reason: " + u.get("line"));
        }
        // The DescribeTable "Validator" of the pinned commit has 697 entries.
        assertEquals(697, lines.size());
    }
}
