package io.calicogitops.yaml;

/**
 * Finds where a character of a scalar's value sits in the source. Exact for single-line plain and quoted scalars
 * (quotes, {@code ''} and backslash escapes are accounted for); approximate for multi-line scalars, where line
 * folding and block indentation are only modelled roughly.
 */
final class ScalarColumns {

    private ScalarColumns() {
    }

    /** The index of the scalar's first character, after any anchor ({@code &a}) or tag ({@code !!str}) before it. */
    static int scalarStart(SourceText src, int index) {
        int i = index;
        while (i < src.length() && (src.charAt(i) == '&' || src.charAt(i) == '!')) {
            while (i < src.length() && !isBlank(src.charAt(i)) && !SourceText.isBreak(src.charAt(i))) {
                i++;
            }
            i = skipBlanks(src, i, Integer.MAX_VALUE);
        }
        return i;
    }

    /** The anchor name ({@code &name}) written before the scalar at {@code index}, or null. */
    static String anchor(SourceText src, int index) {
        int i = index;
        while (i < src.length() && (src.charAt(i) == '&' || src.charAt(i) == '!')) {
            int end = i;
            while (end < src.length() && !isBlank(src.charAt(end)) && !SourceText.isBreak(src.charAt(end))
                    && ",[]{}".indexOf(src.charAt(end)) < 0) {
                end++;
            }
            if (src.charAt(i) == '&') {
                return src.text().substring(i + 1, end);
            }
            i = skipBlanks(src, end, Integer.MAX_VALUE);
        }
        return null;
    }

    static ScalarStyle style(SourceText src, int index) {
        int i = scalarStart(src, index);
        if (i >= src.length()) {
            return ScalarStyle.PLAIN;
        }
        return switch (src.charAt(i)) {
            case '\'' -> ScalarStyle.SINGLE_QUOTED;
            case '"' -> ScalarStyle.DOUBLE_QUOTED;
            case '|' -> ScalarStyle.LITERAL;
            case '>' -> ScalarStyle.FOLDED;
            default -> ScalarStyle.PLAIN;
        };
    }

    /** The source index of character {@code offset} of the value of the scalar written at {@code index}. */
    static int indexOf(SourceText src, int index, int offset) {
        int i = scalarStart(src, index);
        ScalarStyle style = style(src, index);
        boolean block = style == ScalarStyle.LITERAL || style == ScalarStyle.FOLDED;
        int indent = 0;
        if (style.isQuoted()) {
            i++;
        } else if (block) {
            // The content of a block scalar starts on the line after its header; its indentation is that line's.
            while (i < src.length() && !SourceText.isBreak(src.charAt(i))) {
                i++;
            }
            i = i < src.length() ? src.skipBreak(i) : i;
            indent = skipBlanks(src, i, Integer.MAX_VALUE) - i;
            i += indent;
        }
        int v = 0;
        while (v < offset && i < src.length()) {
            char c = src.charAt(i);
            boolean hasNext = i + 1 < src.length();
            if (style == ScalarStyle.SINGLE_QUOTED && c == '\'' && hasNext && src.charAt(i + 1) == '\'') {
                i += 2;
                v++;
            } else if (style == ScalarStyle.DOUBLE_QUOTED && c == '\\' && hasNext) {
                if (SourceText.isBreak(src.charAt(i + 1))) {
                    // An escaped line break joins the lines without adding a character.
                    i = skipBlanks(src, src.skipBreak(i + 1), Integer.MAX_VALUE);
                } else {
                    i += escapeLength(src.charAt(i + 1));
                    v++;
                }
            } else if (SourceText.isBreak(c)) {
                int breaks = 0;
                do {
                    i = skipBlanks(src, src.skipBreak(i), block ? indent : Integer.MAX_VALUE);
                    breaks++;
                } while (i < src.length() && SourceText.isBreak(src.charAt(i)));
                // Literal blocks keep every break; folding makes one break a space and n breaks n-1 newlines.
                v += style == ScalarStyle.LITERAL ? breaks : Math.max(1, breaks - 1);
            } else if (!block && isBlank(c) && onlyBlanksToBreak(src, i)) {
                // Folding drops trailing blanks before a line break.
                while (!SourceText.isBreak(src.charAt(i))) {
                    i++;
                }
            } else {
                i++;
                v++;
            }
        }
        return i;
    }

    private static int escapeLength(char c) {
        return switch (c) {
            case 'x' -> 4;
            case 'u' -> 6;
            case 'U' -> 10;
            default -> 2;
        };
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }

    private static int skipBlanks(SourceText src, int i, int max) {
        int end = i;
        while (end < src.length() && end - i < max && isBlank(src.charAt(end))) {
            end++;
        }
        return end;
    }

    private static boolean onlyBlanksToBreak(SourceText src, int i) {
        int end = skipBlanks(src, i, Integer.MAX_VALUE);
        return end < src.length() && SourceText.isBreak(src.charAt(end));
    }
}
