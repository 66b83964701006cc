package io.calicogitops.selector;

/** A selector that Calico would reject; {@link #column()} is the 1-based column of the problem in the selector text. */
public final class SelectorParseException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String selector;
    private final int column;

    public SelectorParseException(String selector, int column, String message) {
        super(message);
        this.selector = selector;
        this.column = column;
    }

    /** Builds the exception for a problem at a character index (0-based) of {@code selector}. */
    static SelectorParseException at(String selector, int index, String message) {
        int clamped = Math.max(0, Math.min(index, selector.length()));
        // Columns count code points, as an editor does, not UTF-16 units.
        return new SelectorParseException(selector, selector.codePointCount(0, clamped) + 1, message);
    }

    /** The 1-based column in the selector text where the problem is. */
    public int column() {
        return column;
    }

    /** The selector text that failed to parse. */
    public String selector() {
        return selector;
    }
}
