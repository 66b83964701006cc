package io.calicogitops.yaml;

import java.util.Arrays;

/**
 * The decoded text of one file with a line table that counts lines and columns the way SnakeYAML does, so that
 * parser marks (code-point offsets) can be turned into string indexes, and string indexes into line and column.
 */
final class SourceText {

    private final String text;
    // Built on first use: a JSON snapshot read with few locations never asks for a line (a pass over every char).
    private volatile int[] lineStarts;
    // Code-point offsets of supplementary characters, which take two chars in the string but one in the marks.
    private final int[] supplementary;
    private volatile Boolean ampersand;

    SourceText(String text) {
        this.text = text;
        // Only a surrogate pair makes the two counts differ; for a Latin-1 string the count is its length, no pass.
        if (text.codePointCount(0, text.length()) == text.length()) {
            this.supplementary = new int[0];
            return;
        }
        int[] wide = new int[16];
        int wideCount = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                if (wideCount == wide.length) {
                    wide = Arrays.copyOf(wide, wideCount * 2);
                }
                wide[wideCount] = i - wideCount;
                wideCount++;
                i++;
            }
        }
        this.supplementary = Arrays.copyOf(wide, wideCount);
    }

    private int[] lineStarts() {
        int[] made = lineStarts;
        if (made == null) {
            made = findLineStarts(text);
            lineStarts = made;
        }
        return made;
    }

    private static int[] findLineStarts(String text) {
        int[] starts = new int[16];
        int count = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
                continue;
            }
            // SnakeYAML (YAML 1.1) also breaks lines at NEL, LS and PS; "\r\n" is one break.
            boolean isBreak = c == '\n' || c == '\u0085' || c == '\u2028' || c == '\u2029'
                    || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'));
            if (isBreak) {
                if (count == starts.length) {
                    starts = Arrays.copyOf(starts, count * 2);
                }
                starts[count++] = i + 1;
            }
        }
        return Arrays.copyOf(starts, count);
    }

    /** Whether the text holds an '&amp;', without which it has no anchor. */
    boolean mayHoldAnchors() {
        Boolean has = ampersand;
        if (has == null) {
            has = text.indexOf('&') >= 0;
            ampersand = has;
        }
        return has;
    }

    boolean hasSupplementary() {
        return supplementary.length > 0;
    }

    String text() {
        return text;
    }

    int length() {
        return text.length();
    }

    char charAt(int index) {
        return text.charAt(index);
    }

    static boolean isBreak(char c) {
        return c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';
    }

    /** The 1-based number of the first line longer than {@code max} chars (its break not counted), or 0 when none is. */
    int firstLineLongerThan(int max) {
        int[] lineStarts = lineStarts();
        for (int i = 0; i < lineStarts.length; i++) {
            int end = i + 1 < lineStarts.length ? lineStarts[i + 1] : text.length();
            int length = end - lineStarts[i];
            if (length > max && contentLength(lineStarts[i], end) > max) {
                return i + 1;
            }
        }
        return 0;
    }

    private int contentLength(int start, int end) {
        int e = end;
        while (e > start && isBreak(text.charAt(e - 1))) {
            e--;
        }
        return e - start;
    }

    /** The string index of a code-point offset from the start of the text (a parser mark's index). */
    int index(long codePointOffset) {
        int cp = (int) Math.min(Math.max(0, codePointOffset), Integer.MAX_VALUE);
        int found = Arrays.binarySearch(supplementary, cp);
        int before = found >= 0 ? found : -found - 1;
        return Math.min(cp + before, text.length());
    }

    /** The 1-based line of a string index. */
    int line(int index) {
        int found = Arrays.binarySearch(lineStarts(), index);
        return found >= 0 ? found + 1 : -found - 1;
    }

    /** The 1-based code-point column of a string index. */
    int column(int index) {
        int start = lineStarts()[line(index) - 1];
        return text.codePointCount(start, Math.min(index, text.length())) + 1;
    }

    /** The index just past the line break at {@code index} ("\r\n" counts as one break). */
    int skipBreak(int index) {
        if (text.charAt(index) == '\r' && index + 1 < text.length() && text.charAt(index + 1) == '\n') {
            return index + 2;
        }
        return index + 1;
    }
}
