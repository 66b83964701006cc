package io.calicogitops.schema;

import io.calicogitops.diag.SourceLocation;

/** Maps a JSON pointer inside the validated document (e.g. {@code /spec/ingress/0/action}) to where it was written. */
@FunctionalInterface
public interface LocationLookup {

    /**
     * The source position of the most specific node at {@code jsonPointer} ({@code ""} is the whole document).
     * Implementations fall back to the nearest enclosing node they know.
     */
    SourceLocation locate(String jsonPointer);

    /** A lookup that knows only the file, for documents with no recorded positions. */
    static LocationLookup file(String file) {
        return pointer -> SourceLocation.of(file);
    }
}
