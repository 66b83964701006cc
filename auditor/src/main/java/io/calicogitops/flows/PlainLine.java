package io.calicogitops.flows;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A strict scanner over one JSON line for {@link EnterpriseLineParser}: it reads only a subset of JSON (strings without
 * escapes or control characters, non-negative integers of at most 18 digits without a leading zero, {@code null},
 * {@code true}, {@code false}, objects and arrays nested at most 32 deep, JSON's four whitespace characters) and throws
 * {@link GiveUp} at anything else, valid JSON or not. The caller then reads the line through Jackson's tree, which gives
 * the record or the {@code file:line:col} error; so what this scanner accepts it must read exactly as that tree does,
 * and everything else is the tree's to judge. Each value reader matches {@link RecordParser}'s reading of that value.
 */
final class PlainLine {

    /** Thrown where the line leaves the plain subset; cheap (no stack trace). */
    static final class GiveUp extends RuntimeException {
        private static final long serialVersionUID = 1L;
        static final GiveUp INSTANCE = new GiveUp();

        private GiveUp() {
            super(null, null, false, false);
        }
    }

    private static final int MAX_DEPTH = 32;

    private String s;
    private int i;
    private int n;

    void reset(String line) {
        s = line;
        i = 0;
        n = line.length();
    }

    static void giveUp() {
        throw GiveUp.INSTANCE;
    }

    static String required(String value) {
        if (value == null || value.isEmpty()) {
            throw GiveUp.INSTANCE;
        }
        return value;
    }

    /** Skips JSON's whitespace (space, tab, CR, LF; anything else is not). */
    private void space() {
        while (i < n) {
            char c = s.charAt(i);
            if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
                return;
            }
            i++;
        }
    }

    /** The next character after whitespace, not consumed. */
    private char peek() {
        space();
        if (i >= n) {
            throw GiveUp.INSTANCE;
        }
        return s.charAt(i);
    }

    void expect(char c) {
        if (peek() != c) {
            throw GiveUp.INSTANCE;
        }
        i++;
    }

    /** Consumes {@code c} if it is next. */
    boolean take(char c) {
        if (peek() == c) {
            i++;
            return true;
        }
        return false;
    }

    /** Whether only whitespace is left. */
    boolean atEnd() {
        space();
        return i >= n;
    }

    /** A string value or member name (no escapes, no control characters); anything else is read the general way. */
    String string() {
        int start = skipString();
        return s.substring(start, i - 1);
    }

    /** Consumes a string (no escapes, no control characters) and returns where its content starts; no copy is made. */
    private int skipString() {
        expect('"');
        int start = i;
        while (i < n) {
            char c = s.charAt(i);
            if (c == '"') {
                i++;
                return start;
            }
            if (c == '\\' || c < 0x20) {
                throw GiveUp.INSTANCE;
            }
            i++;
        }
        throw GiveUp.INSTANCE;
    }

    /** Consumes {@code null} if it is next (what follows is checked by the caller's next expectation). */
    private boolean nullNext() {
        if (peek() == 'n' && s.startsWith("null", i)) {
            i += 4;
            return true;
        }
        return false;
    }

    /** A non-negative integer: digits only, at most 18 (always a long), no leading zero, no fraction or exponent. */
    private long integer() {
        peek();
        int start = i;
        while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
        }
        int length = i - start;
        if (length == 0 || length > 18 || length > 1 && s.charAt(start) == '0'
                || i < n && (s.charAt(i) == '.' || s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            throw GiveUp.INSTANCE;
        }
        return Long.parseLong(s, start, i, 10);
    }

    /** A string, or null for JSON null (RecordParser.dash: "-" and "" are absent too). */
    String dash() {
        if (nullNext()) {
            return null;
        }
        if (peek() != '"') {
            throw GiveUp.INSTANCE;
        }
        // "-" (aggregated away) is most of these values: recognised in place, no string made for it.
        if (i + 2 < n && s.charAt(i + 1) == '-' && s.charAt(i + 2) == '"') {
            i += 3;
            return null;
        }
        String v = string();
        return v.isEmpty() ? null : v;
    }

    /** A count: JSON null is 0. */
    long number() {
        return nullNext() ? 0 : integer();
    }

    /** A port 0-65535, or null for JSON null. */
    Integer port() {
        if (nullNext()) {
            return null;
        }
        long v = integer();
        if (v > 65535) {
            throw GiveUp.INSTANCE;
        }
        return (int) v;
    }

    /**
     * {@code {"labels": ["k=v", ...]}} into {@code into} (cleared first; the caller copies it, as {@link FlowEndpoint}
     * does), or null for JSON null; a repeated "labels" key: the last one wins, as in Jackson's tree.
     */
    SortedMap<String, String> labels(TreeMap<String, String> into) {
        if (nullNext()) {
            return null;
        }
        expect('{');
        if (take('}')) {
            throw GiveUp.INSTANCE; // {} reads as an empty map of labels: rare, left to the general way
        }
        do {
            if (!string().equals("labels")) {
                throw GiveUp.INSTANCE;
            }
            expect(':');
            into.clear();
            if (nullNext()) {
                continue;
            }
            expect('[');
            if (!take(']')) {
                do {
                    String kv = string();
                    int eq = kv.indexOf('=');
                    if (eq <= 0) {
                        throw GiveUp.INSTANCE;
                    }
                    into.put(kv.substring(0, eq), kv.substring(eq + 1));
                } while (take(','));
                expect(']');
            }
        } while (take(','));
        expect('}');
        return into;
    }

    /** An array of strings, or an empty list for JSON null. */
    List<String> strings() {
        if (nullNext()) {
            return List.of();
        }
        expect('[');
        List<String> out = new ArrayList<>(4); // a trace has 2-4 entries as a rule
        if (take(']')) {
            return out;
        }
        do {
            out.add(string());
        } while (take(','));
        expect(']');
        return out;
    }

    /** Any value of the plain subset, read and dropped. */
    void skip() {
        skip(0);
    }

    private void skip(int depth) {
        if (depth > MAX_DEPTH) {
            throw GiveUp.INSTANCE;
        }
        char c = peek();
        switch (c) {
            case '"' -> skipString();
            case '{' -> {
                i++;
                if (!take('}')) {
                    do {
                        skipString();
                        expect(':');
                        skip(depth + 1);
                    } while (take(','));
                    expect('}');
                }
            }
            case '[' -> {
                i++;
                if (!take(']')) {
                    do {
                        skip(depth + 1);
                    } while (take(','));
                    expect(']');
                }
            }
            case 'n' -> literal("null");
            case 't' -> literal("true");
            case 'f' -> literal("false");
            default -> integer();
        }
    }

    private void literal(String word) {
        if (!s.startsWith(word, i)) {
            throw GiveUp.INSTANCE;
        }
        i += word.length();
    }
}
