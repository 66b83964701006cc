package io.calicogitops.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.calicogitops.diag.Diagnostic;
import io.calicogitops.diag.Diagnostics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A reading that records locations only down to a depth ({@link YamlReader#withLocationDepth}) answers every lookup
 * exactly as the full reading does, on real data: every YAML file of sample-repo/ and overlays/, the sample live
 * snapshots as kubectl's JSON, and the audit benchmark's generated policies and JSON snapshot.
 */
class PartialLocationsTest {

    private static final Path ROOT = Path.of(System.getProperty("project.root", ".."));
    private final YamlReader full = new YamlReader();

    @Test
    void everyLookupOnRealData_sameAsTheFullReading() throws IOException {
        Map<String, String> texts = realData();
        assertTrue(texts.size() > 20, texts.keySet().toString());
        int pointers = 0;
        for (Map.Entry<String, String> t : texts.entrySet()) {
            for (int depth = 0; depth <= 4; depth++) {
                pointers += assertSame(t.getKey(), t.getValue(), depth);
            }
        }
        assertTrue(pointers > 10_000, "pointers compared: " + pointers);
    }

    @Test
    void benchSnapshot_recordsOnlyTheItemsAndLocatesDeeperOnDemand() throws IOException {
        String text = Files.readString(ROOT.resolve("core/src/test/resources/yaml/bench-sample/live.json"));
        YamlDocument eager = full.read(text, "live.json", new Diagnostics()).get(0);
        YamlDocument lazy = full.withLocationDepth(2).read(text, "live.json", new Diagnostics()).get(0);
        List<String> all = Pointers.of(eager.body());
        long shallow = all.stream().filter(p -> depth(p) <= 2).count();
        long shallowKeys = all.stream().filter(p -> depth(p) >= 1 && depth(p) <= 2 && !isIndex(p)).count();
        // Root, apiVersion, kind, metadata (and their keys), items, and each item: no pointer inside an item.
        assertEquals(shallow + shallowKeys, lazy.locations().recorded());
        assertTrue(lazy.locations().recorded() * 20 < eager.locations().recorded(),
                lazy.locations().recorded() + " of " + eager.locations().recorded());
        assertEquals(eager.locate("/items/7/spec/ingress/0/action"), lazy.locate("/items/7/spec/ingress/0/action"));
        assertEquals(eager.locate("/items/7"), lazy.locate("/items/7"));
    }

    @Test
    void problems_reportedAsTheFullReadingReportsThem() {
        String text = "a: 1\nb:\n  c: [1, 2\n";
        for (String t : List.of(text, "{\"a\": {\"b\": 1, \"b\": 2}}", "x:\n  y:\n    z: 1\n    z: 2\n", "a: *nope\n")) {
            Diagnostics eager = new Diagnostics();
            Diagnostics lazy = new Diagnostics();
            full.read(t, "f.yaml", eager);
            full.withLocationDepth(0).read(t, "f.yaml", lazy);
            assertFalse(eager.sorted().isEmpty(), t);
            assertEquals(formatted(eager), formatted(lazy), t);
        }
    }

    /** Compares everything a reading gives; the number of pointers compared. */
    private int assertSame(String name, String text, int depth) {
        Diagnostics de = new Diagnostics();
        Diagnostics dl = new Diagnostics();
        List<YamlDocument> eager = full.read(text, name, de);
        List<YamlDocument> lazy = full.withLocationDepth(depth).read(text, name, dl);
        assertEquals(formatted(de), formatted(dl), name);
        assertEquals(eager.size(), lazy.size(), name);
        int compared = 0;
        for (int i = 0; i < eager.size(); i++) {
            YamlDocument e = eager.get(i);
            YamlDocument l = lazy.get(i);
            String what = name + " document " + i + " depth " + depth;
            assertEquals(e.index(), l.index(), what);
            assertEquals(e.line(), l.line(), what);
            assertEquals(e.location(), l.location(), what);
            assertEquals(e.body(), l.body(), what);
            List<String> pointers = Pointers.of(e.body());
            List<String> probes = new ArrayList<>(pointers);
            pointers.forEach(p -> probes.add(p + "/absent"));
            for (String p : probes) {
                String at = what + " at " + p;
                assertEquals(e.locate(p), l.locate(p), at);
                assertEquals(e.locations().locateKey(p), l.locations().locateKey(p), at);
                assertEquals(e.locations().contains(p), l.locations().contains(p), at);
                assertEquals(e.locations().scalarStyle(p), l.locations().scalarStyle(p), at);
                assertEquals(e.locations().locateInScalar(p, 2), l.locations().locateInScalar(p, 2), at);
                compared++;
            }
            YamlDocument em = e.mapLines(n -> n + 100);
            YamlDocument lm = l.mapLines(n -> n + 100);
            for (String p : pointers) {
                assertEquals(em.locate(p), lm.locate(p), what + " mapped at " + p);
            }
        }
        return compared;
    }

    private Map<String, String> realData() throws IOException {
        Map<String, String> texts = new LinkedHashMap<>();
        for (String folder : List.of("sample-repo", "overlays", "core/src/test/resources/yaml/bench-sample")) {
            try (Stream<Path> files = Files.walk(ROOT.resolve(folder))) {
                for (Path f : files.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")
                        || p.toString().endsWith(".json")).sorted().toList()) {
                    texts.put(ROOT.relativize(f).toString(), Files.readString(f, StandardCharsets.UTF_8));
                }
            }
        }
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        try (Stream<Path> files = Files.list(ROOT.resolve("sample-repo/live"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                JsonNode tree = full.read(Files.readString(f), f.toString(), new Diagnostics()).get(0).body();
                texts.put(ROOT.relativize(f) + " as JSON", json.writeValueAsString(tree));
            }
        }
        return texts;
    }

    private static List<String> formatted(Diagnostics d) {
        return d.sorted().stream().map(Diagnostic::format).toList();
    }

    private static int depth(String pointer) {
        return (int) pointer.chars().filter(c -> c == '/').count();
    }

    private static boolean isIndex(String pointer) {
        return pointer.substring(pointer.lastIndexOf('/') + 1).matches("[0-9]+");
    }
}
