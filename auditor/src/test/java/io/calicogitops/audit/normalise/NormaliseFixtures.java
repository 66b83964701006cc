package io.calicogitops.audit.normalise;

import com.fasterxml.jackson.databind.JsonNode;
import io.calicogitops.diag.Diagnostics;
import io.calicogitops.model.Resource;
import io.calicogitops.yaml.YamlDocument;
import io.calicogitops.yaml.YamlReader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The desired/live fixture pairs under {@code src/test/resources/normalise/<folder>/} and helpers to read YAML. */
final class NormaliseFixtures {

    private static final YamlReader READER = new YamlReader();

    /** One pair: {@code <case>-desired.yaml} and {@code <case>-live.yaml}; a case ending in {@code -drift} must differ. */
    record Pair(String folder, String name, Path desired, Path live) {

        boolean drift() {
            return name.endsWith("-drift");
        }

        @Override
        public String toString() {
            return folder + "/" + name;
        }
    }

    private NormaliseFixtures() {
    }

    static Path root() {
        try {
            return Path.of(Objects.requireNonNull(NormaliseFixtures.class.getResource("/normalise")).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Pair> pairs() {
        try (Stream<Path> files = Files.walk(root())) {
            return files.filter(p -> p.getFileName().toString().endsWith("-desired.yaml")).sorted().map(desired -> {
                String file = desired.getFileName().toString();
                String name = file.substring(0, file.length() - "-desired.yaml".length());
                return new Pair(desired.getParent().getFileName().toString(), name, desired,
                        desired.resolveSibling(name + "-live.yaml"));
            }).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Resource load(Path file) {
        try {
            return parse(Files.readString(file), root().relativize(file).toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The only document of {@code yaml} as a resource; fails the test on any YAML problem. */
    static Resource parse(String yaml, String displayPath) {
        Diagnostics diagnostics = new Diagnostics();
        List<YamlDocument> documents = READER.read(yaml, displayPath, diagnostics);
        assertFalse(diagnostics.hasErrors(), diagnostics::format);
        assertEquals(1, documents.size(), displayPath + ": expected one document");
        return Resource.of(documents.get(0).body(), documents.get(0).location());
    }

    static List<JsonNode> documents(Path file) {
        Diagnostics diagnostics = new Diagnostics();
        List<YamlDocument> documents = READER.readFile(file, file.toString(), diagnostics);
        assertFalse(diagnostics.hasErrors(), diagnostics::format);
        return documents.stream().map(YamlDocument::body).toList();
    }
}
