package io.calicogitops.schema;

/** One problem before it gets a source location: where in the document (most specific node), what, a fix, and whether it only warns. */
record Finding(DocPath path, String message, String hint, boolean warning) {

    Finding(DocPath path, String message, String hint) {
        this(path, message, hint, false);
    }

    /** A problem reported against {@code path}, written as {@code spec.ingress[0].action: <detail>}. */
    static Finding at(DocPath path, String detail, String hint) {
        return new Finding(path, path.isRoot() ? detail : path.display() + ": " + detail, hint);
    }

    static Finding at(DocPath path, String detail) {
        return at(path, detail, null);
    }

    /** A problem located at {@code path} whose message already names what it is about (e.g. an unknown kind). */
    static Finding plain(DocPath path, String message, String hint) {
        return new Finding(path, message, hint);
    }

    /** Something the user should know that does not stop the render (e.g. a kind with no known schema). */
    static Finding warning(DocPath path, String message, String hint) {
        return new Finding(path, message, hint, true);
    }
}
