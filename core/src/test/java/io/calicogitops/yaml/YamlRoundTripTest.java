package io.calicogitops.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.calicogitops.diag.Diagnostics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Property: for every document of every third-party YAML file in the repository, reading what was written gives it back. */
class YamlRoundTripTest {

    private static final Pattern TRAILING_BLANK = Pattern.compile("[ \t]\n");
    private final YamlReader reader = new YamlReader();
    private final YamlWriter writer = new YamlWriter();

    /** The third-party YAML in the repository: the vendored test data and the bundled CRD schemas. */
    private static List<Path> dataFiles() throws IOException {
        Path root = Path.of(System.getProperty("project.root", "..")).toAbsolutePath().normalize();
        List<Path> out = new ArrayList<>();
        for (Path data : List.of(root.resolve("testdata/upstream"), root.resolve("core/src/main/resources/crds"))) {
            assertTrue(Files.isDirectory(data), "data set not found at " + data);
            try (Stream<Path> files = Files.walk(data)) {
                files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml")).sorted().forEach(out::add);
            }
        }
        return out;
    }

    @Test
    void writeThenRead_givesEveryDocumentBackAndWritesTheSameBytes() throws IOException {
        List<String> failures = new ArrayList<>();
        List<String> unparsable = new ArrayList<>();
        int checked = 0;
        for (Path file : dataFiles()) {
            Diagnostics diagnostics = new Diagnostics();
            List<YamlDocument> documents = reader.readFile(file, file.toString(), diagnostics);
            if (diagnostics.hasErrors()) {
                unparsable.add(diagnostics.format());
                continue;
            }
            for (YamlDocument doc : documents) {
                checked++;
                String written = writer.write(doc.body());
                Diagnostics again = new Diagnostics();
                List<YamlDocument> back = reader.read(written, "written", again);
                if (again.hasErrors() || back.size() != 1 || !doc.body().equals(back.get(0).body())) {
                    failures.add(doc.location() + ": does not read back equal:\n" + again.format() + "\n" + written);
                } else if (!written.equals(writer.write(back.get(0).body()))) {
                    failures.add(doc.location() + ": second write differs");
                } else if (!written.endsWith("\n") || written.contains("\r") || TRAILING_BLANK.matcher(written).find()) {
                    failures.add(doc.location() + ": CR, trailing blanks or no final newline");
                }
            }
        }
        System.out.println("round trip: " + checked + " documents; unparsable files: " + unparsable);
        assertTrue(checked > 100, "expected the data set to have documents, found " + checked);
        assertEquals(List.of(), failures);
    }

    @Test
    void writeThenRead_randomTrickyStringsAsKeysAndValues_roundTrip() {
        String alphabet = " \t\n\r:#-?'\"{}[],&*!|>%@`~.09eExyYnNtT<=\\\u00e9\u2028\u0085";
        Random random = new Random(42);
        List<String> failures = new ArrayList<>();
        for (int n = 0; n < 3000; n++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(10); i > 0; i--) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            ObjectNode doc = JsonNodeFactory.instance.objectNode().put("v", text.toString()).put(text + "k", 1);
            String written = writer.write(doc);
            Diagnostics diagnostics = new Diagnostics();
            List<YamlDocument> back = reader.read(written, "written", diagnostics);
            if (diagnostics.hasErrors() || back.size() != 1 || !doc.equals(back.get(0).body())
                    || !written.equals(writer.write(back.get(0).body())) || TRAILING_BLANK.matcher(written).find()) {
                failures.add(doc + " -> " + written + diagnostics.format());
            }
        }
        assertEquals(List.of(), failures);
    }

    @Test
    void read_agreesWithJacksonTreeReadingOnDataSet() throws IOException {
        ObjectMapper jackson = new ObjectMapper(new YAMLFactory());
        List<String> failures = new ArrayList<>();
        for (Path file : dataFiles()) {
            List<JsonNode> expected = new ArrayList<>();
            try (MappingIterator<JsonNode> it = jackson.readerFor(JsonNode.class).readValues(file.toFile())) {
                it.forEachRemaining(node -> {
                    if (!node.isNull() && !node.isMissingNode()) {
                        expected.add(node);
                    }
                });
            }
            List<JsonNode> actual = reader.readFile(file, file.toString(), new Diagnostics()).stream()
                    .map(YamlDocument::body).toList();
            if (!expected.equals(actual)) {
                failures.add(file.toString());
            }
        }
        assertEquals(List.of(), failures);
    }
}
