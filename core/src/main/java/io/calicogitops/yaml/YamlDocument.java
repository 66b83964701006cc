package io.calicogitops.yaml;

import com.fasterxml.jackson.databind.JsonNode;
import io.calicogitops.diag.SourceLocation;
import java.util.Objects;
import java.util.function.IntUnaryOperator;

/**
 * One non-empty document of a YAML file with the locations of its values.
 *
 * @param file      the display path used in every location
 * @param index     0-based position among the non-empty documents of the file (the position in the list read)
 * @param line      1-based line of the document's first content token (not of its {@code ---} marker)
 * @param body      the document's tree
 * @param locations where each JSON pointer of {@code body} was written
 */
public record YamlDocument(String file, int index, int line, JsonNode body, LocationIndex locations) {

    public YamlDocument {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(locations, "locations");
    }

    /** Shorthand for {@code locations().locate(jsonPointer)}. */
    public SourceLocation locate(String jsonPointer) {
        return locations.locate(jsonPointer);
    }

    /** The same document located in the file it was generated from (see {@link LocationIndex#mapLines}). */
    public YamlDocument mapLines(IntUnaryOperator toSourceLine) {
        return new YamlDocument(file, index, toSourceLine.applyAsInt(line), body, locations.mapLines(toSourceLine));
    }

    /** Where the document starts, for problems with the document as a whole. */
    public SourceLocation location() {
        return SourceLocation.of(file, line, 1);
    }
}
