package io.calicogitops.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.calicogitops.diag.Diagnostic;
import io.calicogitops.diag.SourceLocation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Shared helpers for the schema tests: YAML parsing, the vendored test data and a lookup that records pointers. */
final class SchemaFixtures {

    static final YAMLMapper YAML = new YAMLMapper();

    private SchemaFixtures() {
    }

    static JsonNode yaml(String text) {
        try {
            return YAML.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every non-empty document of a multi-document YAML file. */
    static List<JsonNode> documents(Path file) {
        List<JsonNode> out = new ArrayList<>();
        try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
            while (it.hasNext()) {
                JsonNode doc = it.next();
                if (doc != null && !doc.isNull() && !doc.isMissingNode() && !doc.isEmpty()) {
                    out.add(doc);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("read " + file, e);
        }
        return out;
    }

    /** {@code ${project.root}/testdata/upstream}: the third-party YAML vendored into the repository as test data. */
    static Path upstream() {
        Path root = Path.of(System.getProperty("project.root", "..")).toAbsolutePath().normalize();
        Path upstream = root.resolve("testdata/upstream");
        assertTrue(Files.isDirectory(upstream), "vendored test data not found at " + upstream);
        return upstream;
    }

    /** A lookup that remembers every pointer it was asked for and answers with a fixed file. */
    static final class Recorder implements LocationLookup {
        final List<String> pointers = new ArrayList<>();

        @Override
        public synchronized SourceLocation locate(String jsonPointer) {
            pointers.add(jsonPointer);
            return SourceLocation.of("doc.yaml", 1, 1);
        }
    }

    /** Validates {@code yaml} and asserts exactly one error with this message, pointer and hint. */
    static void assertSingleError(SchemaValidator validator, String yaml, String message, String pointer,
                                  String hint) {
        Recorder where = new Recorder();
        List<Diagnostic> errors = validator.validate(yaml(yaml), where);
        assertEquals(List.of(message), errors.stream().map(Diagnostic::message).toList(), "messages");
        assertEquals(List.of(pointer), where.pointers, "pointers passed to the lookup");
        assertEquals(hint, errors.get(0).hint(), "hint");
        assertTrue(errors.get(0).isError());
    }

    static void assertSingleError(SchemaValidator validator, String yaml, String message, String pointer) {
        assertSingleError(validator, yaml, message, pointer, null);
    }

    static List<String> messages(SchemaValidator validator, String yaml) {
        return validator.validate(yaml(yaml), new Recorder()).stream().map(Diagnostic::message).toList();
    }
}
