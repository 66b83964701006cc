package io.calicogitops.output;

import java.util.Locale;

/**
 * Every format the product writes, named on the command line in lower case ({@code -o json}). Each result type
 * offers a subset through its {@link Reporter}; the names and media types are the same wherever a format appears.
 */
public enum OutputFormat {
    TEXT("text/plain; charset=utf-8"),
    JSON("application/json"),
    CSV("text/csv; charset=utf-8"),
    MARKDOWN("text/markdown; charset=utf-8"),
    HTML("text/html; charset=utf-8"),
    JUNIT("application/xml"),
    SARIF("application/sarif+json"),
    DOT("text/vnd.graphviz; charset=utf-8"),
    MERMAID("text/vnd.mermaid; charset=utf-8"),
    SVG("image/svg+xml");

    private final String contentType;

    OutputFormat(String contentType) {
        this.contentType = contentType;
    }

    /** The lower-case name used on the command line and in file extensions' place in messages. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The media type of output in this format, for uploads and HTTP responses. */
    public String contentType() {
        return contentType;
    }
}
