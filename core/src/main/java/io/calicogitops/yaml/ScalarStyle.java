package io.calicogitops.yaml;

/** How a scalar was written in the source: plain, quoted, or as a literal ({@code |}) or folded ({@code >}) block. */
public enum ScalarStyle {
    PLAIN, SINGLE_QUOTED, DOUBLE_QUOTED, LITERAL, FOLDED;

    /** Whether the source characters of the value start one column after the scalar's first character. */
    public boolean isQuoted() {
        return this == SINGLE_QUOTED || this == DOUBLE_QUOTED;
    }
}
