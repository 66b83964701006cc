package io.calicogitops.validate;

import io.calicogitops.diag.SourceLocation;
import io.calicogitops.yaml.LocationIndex;

/** Maps a JSON pointer inside a document to where it is written, so a finding can name file, line and column. */
public interface Locator {

    SourceLocation at(String pointer);

    /** The column of character {@code offset} inside the scalar at {@code pointer} (for selector errors). */
    default SourceLocation inScalar(String pointer, int offset) {
        return at(pointer);
    }

    static Locator of(LocationIndex index) {
        return new Locator() {
            @Override
            public SourceLocation at(String pointer) {
                return index.locate(pointer);
            }

            @Override
            public SourceLocation inScalar(String pointer, int offset) {
                return index.locateInScalar(pointer, offset);
            }
        };
    }

    /** For documents with no source text (live objects): every pointer maps to the same place. */
    static Locator fixed(SourceLocation where) {
        return pointer -> where;
    }
}
