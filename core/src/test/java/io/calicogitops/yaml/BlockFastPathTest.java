package io.calicogitops.yaml;

import com.fasterxml.jackson.databind.JsonNode;
import io.calicogitops.diag.Diagnostics;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The block fast path against the YAML parser's reading: whenever it reads a text, it must give the same documents
 * (trees with the same node types and key order, lines, root locations) as the YAML reading, and the YAML reading must
 * find no problem in it; on every YAML file of the repository, on generated policies, and on damaged texts.
 */
class BlockFastPathTest {

    private final YamlReader reader = new YamlReader();

    /** The fast reading, or empty; when present, checked against the YAML reading. */
    private Optional<List<YamlDocument>> compare(String text, String name) {
        SourceText source = new SourceText(text);
        Optional<List<YamlDocument>> fast = new BlockFastPath(YamlLimits.defaults()).read(text, source, name,
                i -> new LocationIndex(name, source, 0, () -> fail("no deeper location is asked for")));
        if (fast.isEmpty()) {
            return fast;
        }
        Diagnostics found = new Diagnostics();
        List<YamlDocument> yaml = reader.readYaml(text, source, name, found);
        assertTrue(found.sorted().isEmpty(), () -> name + ": the fast path read a text the YAML reading rejects: "
                + found.sorted() + "\n" + text);
        assertEquals(yaml.size(), fast.get().size(), () -> name + ": documents\n" + text);
        for (int d = 0; d < yaml.size(); d++) {
            YamlDocument y = yaml.get(d);
            YamlDocument f = fast.get().get(d);
            String where = name + " document " + d + "\n" + text;
            assertEquals(y.line(), f.line(), () -> where);
            assertEquals(y.index(), f.index(), () -> where);
            assertEquals(y.locate(""), f.locate(""), () -> where);
            assertSameTree(y.body(), f.body(), where);
        }
        return fast;
    }

    /** Equal values, node classes and key order (JsonNode.equals ignores the order of keys). */
    private static void assertSameTree(JsonNode expected, JsonNode actual, String where) {
        assertEquals(expected.getClass(), actual.getClass(), () -> where + "\n" + expected + " / " + actual);
        assertEquals(expected, actual, () -> where);
        if (expected.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> e = expected.fields();
            Iterator<Map.Entry<String, JsonNode>> a = actual.fields();
            while (e.hasNext()) {
                Map.Entry<String, JsonNode> x = e.next();
                Map.Entry<String, JsonNode> y = a.next();
                assertEquals(x.getKey(), y.getKey(), () -> where);
                assertSameTree(x.getValue(), y.getValue(), where);
            }
        } else if (expected.isArray()) {
            for (int i = 0; i < expected.size(); i++) {
                assertSameTree(expected.get(i), actual.get(i), where);
            }
        }
    }

    private static List<Path> repositoryYaml() throws IOException {
        Path root = Path.of("..").toAbsolutePath().normalize();
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> {
                String s = root.relativize(p).toString();
                return Files.isRegularFile(p) && (s.endsWith(".yaml") || s.endsWith(".yml"))
                        && !s.contains("/target/") && !s.startsWith("target/") && !s.startsWith(".git/");
            }).sorted().toList();
        }
    }

    @Test
    void everyYamlFileOfTheRepository_readAlikeOrLeftToTheYamlReading() throws IOException {
        List<Path> files = repositoryYaml();
        assertTrue(files.size() > 300, "found " + files.size());
        int read = 0;
        for (Path f : files) {
            String text = new String(Files.readAllBytes(f), StandardCharsets.UTF_8);
            if (text.startsWith("\uFEFF")) {
                continue;
            }
            if (compare(text, f.toString()).isPresent()) {
                read++;
            }
        }
        // Most manifests are plain block YAML: if the fast path read few of them, it would buy nothing.
        assertTrue(read > files.size() / 3, read + " of " + files.size() + " read by the fast path");
    }

    @Test
    void generatedPolicies_readAlike() {
        Random r = new Random(11);
        for (int i = 0; i < 300; i++) {
            String text = policy(r, i);
            assertTrue(compare(text, "p" + i + ".yaml").isPresent(), text);
        }
    }

    /** A policy as the renderer and the benchmark write them: nested mappings, compact and indentless sequences. */
    private static String policy(Random r, int i) {
        StringBuilder b = new StringBuilder();
        if (r.nextBoolean()) {
            b.append("# generated\n---\n");
        }
        b.append("apiVersion: projectcalico.org/v3\nkind: NetworkPolicy\nmetadata:\n  name: default.np").append(i)
                .append("\n  namespace: ns-").append(r.nextInt(20)).append("\n  labels:\n    app.kubernetes.io/name: x")
                .append(r.nextInt(9)).append("\n    PCI: \"true\"\nspec:\n  tier: default\n  order: ").append(r.nextInt(2000))
                .append("\n  selector: app == \"app-").append(r.nextInt(1000)).append("\"\n  types: [Ingress, Egress]\n");
        String indent = r.nextBoolean() ? "  " : "";
        b.append("  ingress:\n");
        for (int k = 0; k < 1 + r.nextInt(4); k++) {
            b.append("  ").append(indent).append("- action: Allow\n  ").append(indent).append("  protocol: TCP\n  ")
                    .append(indent).append("  source:\n  ").append(indent).append("    selector: role == 'web'\n  ")
                    .append(indent).append("  destination:\n  ").append(indent).append("    ports: [").append(8000 + k)
                    .append(", 9090]\n");
        }
        b.append("  egress:\n  - action: Allow\n    protocol: UDP\n    destination:\n      ports:\n      - 53\n")
                .append("      nets:\n      - '10.0.0.0/8'\n  - action: Deny\n    destination: {}\n    metadata:\n")
                .append("      annotations:\n        note:\n");
        if (r.nextInt(4) == 0) {
            b.append("---\n\n---\nkind: Tier\nmetadata:\n  name: t").append(i).append("\nspec:\n  order: 100\n");
        }
        return b.toString();
    }

    private static final String INSERTS = " \n:-#\"'[]{},&*!|>01ay.~%@?=<\t\r/_";

    @Test
    void damagedTexts_readAlikeOrLeftToTheYamlReading() throws IOException {
        List<String> seeds = new ArrayList<>();
        Random r = new Random(5);
        for (int i = 0; i < 20; i++) {
            seeds.add(policy(r, i));
        }
        for (Path f : repositoryYaml()) {
            String text = new String(Files.readAllBytes(f), StandardCharsets.UTF_8);
            if (text.length() < 4000 && compare(text, f.toString()).isPresent()) {
                seeds.add(text);
            }
            if (seeds.size() >= 120) {
                break;
            }
        }
        int accepted = 0;
        int tried = 0;
        for (String seed : seeds) {
            for (int m = 0; m < 60; m++) {
                String damaged = damage(seed, r);
                tried++;
                if (compare(damaged, "damaged-" + tried + ".yaml").isPresent()) {
                    accepted++;
                }
            }
        }
        // Many damages keep the text in the subset (a changed letter, another indentation that still nests): those
        // are the comparisons that test something.
        assertTrue(accepted > tried / 5, accepted + " of " + tried);
        assertTrue(accepted < tried, accepted + " of " + tried);
    }

    private static String damage(String text, Random r) {
        String[] lines = text.split("\n", -1);
        int n = lines.length;
        int k = r.nextInt(Math.max(1, n - 1));
        switch (r.nextInt(7)) {
            case 0 -> {
                int at = r.nextInt(text.length() + 1);
                return text.substring(0, at) + INSERTS.charAt(r.nextInt(INSERTS.length())) + text.substring(at);
            }
            case 1 -> {
                int at = r.nextInt(Math.max(1, text.length()));
                return text.substring(0, at) + text.substring(Math.min(text.length(), at + 1));
            }
            case 2 -> lines[k] = "  ".substring(r.nextInt(2)) + lines[k];
            case 3 -> lines[k] = lines[k].startsWith(" ") ? lines[k].substring(1) : lines[k];
            case 4 -> lines[k] = lines[k] + "\n" + lines[k];
            case 5 -> lines[k] = "";
            default -> {
                int j = r.nextInt(n);
                String t = lines[k];
                lines[k] = lines[j];
                lines[j] = t;
            }
        }
        return String.join("\n", lines);
    }

    @Test
    void wordsAndNumbersTheYamlReadingTypes_leftToIt() {
        for (String value : new String[] {"yes", "No", "ON", "off", "true", "False", "null", "NULL", "~", "0777", "1.5",
            "1e3", "0x1f", "1_000", "-1", "+1", "2024-01-01", "1234567890", "1:20", "[1:20]", ".inf", "<<", "=", "&a x", "*a",
            "!t x", "|", ">", "\"a\\nb\"", "'it''s'", "a: b", "[a, [b]]", "{a: 1}", "a #c", "a:", "[a:]"}) {
            String text = "kind: X\nvalue: " + value + "\n";
            SourceText source = new SourceText(text);
            assertFalse(new BlockFastPath(YamlLimits.defaults()).read(text, source, "v.yaml",
                    i -> new LocationIndex("v.yaml", source, 0, null)).isPresent(), value);
        }
        for (String value : new String[] {"Allow", "app == \"x\"", "all()", "/path", "\"quoted\"", "'single'", "[]", "{}",
            "[a, 1, 'b']", "0", "123456789", "http://x/y", "a:b", "_x", "(a)", "10.0.0.0/8", "[8080, 9000:9100]", "y", "N",
            "9000:9100", "[ a ,b ]"}) {
            assertTrue(compare("kind: X\nvalue: " + value + "\n", "v.yaml").isPresent(), value);
        }
    }
}
