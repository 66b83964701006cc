package io.calicogitops.schema;

/** One problem before it gets a source location: where in the document (most specific node), what, and a fix. */
record Finding(DocPath path, String message, String hint) {

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
}
