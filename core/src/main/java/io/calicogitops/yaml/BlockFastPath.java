package io.calicogitops.yaml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calicogitops.diag.SourceLocation;
import io.calicogitops.yaml.LocationIndex.Kind;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads the plain block YAML that Kubernetes and Calico manifests are written in (and that the renderer writes) without
 * the YAML parser, for readers that record only the documents' own locations ({@link YamlReader#withLocationDepth}
 * 0): the same trees, document lines and root locations as the YAML reading, several times cheaper on a cold JVM,
 * where reading a repository's thousand policies through the YAML parser costs more in compiling the parser than in
 * running it. Deeper locations are found by the full YAML reading on first use, as for any partial reading.
 *
 * <p>It reads only a strict subset and gives up (the caller then reads the text as YAML) at anything else, valid YAML
 * or not: printable ASCII and line feeds only; comments only as whole lines; {@code ---} alone on a line between
 * documents; block mappings of plain keys ({@code [A-Za-z_][A-Za-z0-9_./-]*}); block sequences, also at their key's
 * indentation and with a compact mapping after {@code - }; values on the key's line that are a decimal integer of at
 * most nine digits, a plain string that starts with a letter, a digit, {@code _}, {@code /} or {@code (} and that the
 * YAML parser's own resolver reads as a string, a quoted string on one line without escapes or its own quote inside,
 * {@code []}, {@code {}}, or a one-line flow sequence of such scalars; an empty value (null) or a nested block on the
 * next lines. Anything the YAML parser might read differently gives up: keys that are YAML 1.1 boolean or null words,
 * numbers in any other notation, anchors, aliases, tags, block scalars, multi-line scalars, flow mappings, duplicate
 * keys, a root that is not a mapping or a sequence, indentation the subset does not expect, and every limit of
 * {@link YamlLimits}. A test compares both readings on every YAML file of the repository and on thousands of damaged
 * texts.
 */
final class BlockFastPath {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    // The resolver Jackson's YAMLParser types plain scalars with (YAMLParser._decodeScalar): immutable once built.
    private static final Resolver RESOLVER = new Resolver();

    private static final class GiveUp extends RuntimeException {
        private static final long serialVersionUID = 1L;
        static final GiveUp INSTANCE = new GiveUp();

        private GiveUp() {
            super(null, null, false, false);
        }
    }

    private final YamlLimits limits;

    // One text's lines that hold content: 1-based line number, indentation, first content index, end index.
    private int[] lineNo = new int[64];
    private int[] indent = new int[64];
    private int[] from = new int[64];
    private int[] to = new int[64];
    private String text;
    private int at;
    private int end;

    BlockFastPath(YamlLimits limits) {
        this.limits = limits;
    }

    /** The text's documents, or empty when the text must be read as YAML. Not thread-safe: one per reading thread. */
    Optional<List<YamlDocument>> read(String body, SourceText source, String displayPath,
                                      IntFunction<LocationIndex> indexOf) {
        if (body.length() > limits.maxDocumentCodePoints() || source.firstLineLongerThan(limits.maxLineChars()) > 0) {
            return Optional.empty();
        }
        text = body;
        try {
            List<YamlDocument> documents = new ArrayList<>();
            int lineStart = 0;
            int line = 1;
            int count = 0;
            while (lineStart <= body.length()) {
                int lineEnd = lineEnd(body, lineStart);
                int first = lineStart;
                while (first < lineEnd && body.charAt(first) == ' ') {
                    first++;
                }
                if (first == lineStart && body.startsWith("---", lineStart)) {
                    if (lineEnd - lineStart != 3) {
                        throw GiveUp.INSTANCE; // "--- value", "--- !tag", "----"
                    }
                    document(documents, count, displayPath, indexOf);
                    count = 0;
                } else if (first < lineEnd && body.charAt(first) != '#') {
                    char c = body.charAt(first);
                    if (first == lineStart && (c == '%' || body.startsWith("...", first))) {
                        throw GiveUp.INSTANCE; // a directive or a document end marker
                    }
                    for (int k = first; k < lineEnd; k++) {
                        if (body.charAt(k) == '#') {
                            throw GiveUp.INSTANCE; // a comment after content, or '#' in a value
                        }
                    }
                    int last = lineEnd;
                    while (body.charAt(last - 1) == ' ') {
                        last--;
                    }
                    add(count++, line, first - lineStart, first, last);
                }
                if (lineEnd == body.length()) {
                    break;
                }
                lineStart = lineEnd + 1;
                line++;
            }
            document(documents, count, displayPath, indexOf);
            return Optional.of(List.copyOf(documents));
        } catch (GiveUp e) {
            return Optional.empty();
        } finally {
            text = null;
        }
    }

    /** The index of the line feed ending the line, or the text's length; gives up at a character outside the subset. */
    private static int lineEnd(String body, int start) {
        for (int k = start; k < body.length(); k++) {
            char c = body.charAt(k);
            if (c == '\n') {
                return k;
            }
            if (c < 0x20 || c > 0x7e) {
                throw GiveUp.INSTANCE; // tabs, CR, other controls, anything beyond ASCII: the YAML reading's
            }
        }
        return body.length();
    }

    private void add(int k, int line, int ind, int first, int last) {
        if (k == lineNo.length) {
            lineNo = java.util.Arrays.copyOf(lineNo, k * 2);
            indent = java.util.Arrays.copyOf(indent, k * 2);
            from = java.util.Arrays.copyOf(from, k * 2);
            to = java.util.Arrays.copyOf(to, k * 2);
        }
        lineNo[k] = line;
        indent[k] = ind;
        from[k] = first;
        to[k] = last;
    }

    /** Reads the document made of the first {@code count} content lines, if any. */
    private void document(List<YamlDocument> documents, int count, String displayPath,
                         IntFunction<LocationIndex> indexOf) {
        if (count == 0) {
            return; // nothing but comments and blank lines: no document, as in the YAML reading
        }
        if (documents.size() >= limits.maxDocumentsPerFile() || indent[0] != 0) {
            throw GiveUp.INSTANCE;
        }
        at = 0;
        end = count;
        boolean sequence = item(0);
        JsonNode root = sequence ? sequence(0, 1) : mapping(0, from[0], 1);
        if (at != end) {
            throw GiveUp.INSTANCE;
        }
        LocationIndex index = indexOf.apply(documents.size());
        // The root's location is that of its first key or first '-', as the YAML parser marks a block collection.
        index.putValue("", SourceLocation.of(displayPath, lineNo[0], 1), from[0], Kind.CONTAINER);
        documents.add(new YamlDocument(displayPath, documents.size(), lineNo[0], root, index));
    }

    private boolean item(int k) {
        return text.charAt(from[k]) == '-' && (from[k] + 1 == to[k] || text.charAt(from[k] + 1) == ' ');
    }

    /**
     * The block mapping whose keys are at column {@code column}, its first key starting at {@code start} on line
     * {@link #at} (after a sequence's "- " for a compact mapping).
     */
    private ObjectNode mapping(int column, int start, int depth) {
        checkDepth(depth);
        ObjectNode node = new ObjectNode(NODES, new LinkedHashMap<>(4));
        int keyStart = start;
        while (true) {
            int k = at;
            int colon = key(keyStart, to[k]);
            String name = SharedScalars.key(text.substring(keyStart, colon));
            if (node.has(name)) {
                throw GiveUp.INSTANCE; // a duplicate key: the YAML reading reports it
            }
            int value = colon + 1;
            while (value < to[k] && text.charAt(value) == ' ') {
                value++;
            }
            at++;
            node.set(name, value < to[k] ? scalar(value, to[k]) : nested(column, depth + 1));
            if (at == end || indent[at] < column) {
                return node;
            }
            if (indent[at] > column || item(at)) {
                throw GiveUp.INSTANCE; // a continuation line, or a sequence where a key belongs
            }
            keyStart = from[at];
        }
    }

    /** The value of a key with nothing after its colon: a block on the next lines, or null. */
    private JsonNode nested(int column, int depth) {
        if (at == end || indent[at] < column) {
            return NODES.nullNode();
        }
        if (indent[at] == column) {
            // A sequence may sit at its key's own indentation; another key there means this value is empty.
            return item(at) ? sequence(column, depth) : NODES.nullNode();
        }
        return item(at) ? sequence(indent[at], depth) : mapping(indent[at], from[at], depth);
    }

    /** The block sequence whose '-' are at column {@code column}, from line {@link #at}. */
    private ArrayNode sequence(int column, int depth) {
        checkDepth(depth);
        ArrayNode node = new ArrayNode(NODES, 2);
        while (at < end && indent[at] == column && item(at)) {
            int k = at;
            int content = from[k] + 1;
            while (content < to[k] && text.charAt(content) == ' ') {
                content++;
            }
            if (content == to[k]) {
                throw GiveUp.INSTANCE; // "-" alone: its item on the next lines
            }
            if (keyColon(content, to[k]) >= 0) {
                node.add(mapping(content - (from[k] - indent[k]), content, depth + 1));
            } else {
                at++;
                node.add(scalar(content, to[k]));
            }
        }
        if (at < end && indent[at] > column) {
            throw GiveUp.INSTANCE;
        }
        return node;
    }

    private void checkDepth(int depth) {
        if (depth >= limits.maxDepth()) { // one level short of the YAML reading's limit: that reading reports it
            throw GiveUp.INSTANCE;
        }
    }

    /** The index of the ':' ending a plain key that starts at {@code p}, or -1 when no plain key and ':' are there. */
    private int keyColon(int p, int last) {
        if (!keyStart(text.charAt(p))) {
            return -1;
        }
        int k = p + 1;
        while (k < last && keyPart(text.charAt(k))) {
            k++;
        }
        return k < last && text.charAt(k) == ':' && (k + 1 == last || text.charAt(k + 1) == ' ') ? k : -1;
    }

    /** The index of the ':' ending the plain key at {@code p}; gives up when no such key is there. */
    private int key(int p, int last) {
        int colon = keyColon(p, last);
        if (colon < 0 || special(p, colon)) {
            throw GiveUp.INSTANCE;
        }
        return colon;
    }

    private static boolean keyStart(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_';
    }

    private static boolean keyPart(char c) {
        return keyStart(c) || c >= '0' && c <= '9' || c == '.' || c == '-' || c == '/';
    }

    /** A scalar (or an empty or one-line flow sequence) filling {@code [p, last)}. */
    private JsonNode scalar(int p, int last) {
        char c = text.charAt(p);
        if (c == '"' || c == '\'') {
            return quoted(p, last);
        }
        if (c == '[') {
            return flowSequence(p, last);
        }
        if (c == '{') {
            if (last - p == 2 && text.charAt(p + 1) == '}') {
                return new ObjectNode(NODES, new LinkedHashMap<>(4));
            }
            throw GiveUp.INSTANCE;
        }
        return plain(p, last, false);
    }

    private JsonNode quoted(int p, int last) {
        char q = text.charAt(p);
        if (last - p < 2 || text.charAt(last - 1) != q) {
            throw GiveUp.INSTANCE;
        }
        for (int k = p + 1; k < last - 1; k++) {
            char c = text.charAt(k);
            if (c == q || c == '\\') {
                throw GiveUp.INSTANCE; // an escape, a doubled quote, or the quoted text ending early
            }
        }
        return SharedScalars.text(text.substring(p + 1, last - 1));
    }

    private JsonNode flowSequence(int p, int last) {
        if (text.charAt(last - 1) != ']') {
            throw GiveUp.INSTANCE;
        }
        ArrayNode node = new ArrayNode(NODES, 2);
        int k = p + 1;
        while (k < last - 1 && text.charAt(k) == ' ') {
            k++;
        }
        if (k == last - 1) {
            return node; // []
        }
        while (true) {
            int comma = k;
            while (comma < last - 1 && text.charAt(comma) != ',') {
                comma++;
            }
            int itemEnd = comma;
            while (itemEnd > k && text.charAt(itemEnd - 1) == ' ') {
                itemEnd--;
            }
            if (itemEnd == k) {
                throw GiveUp.INSTANCE; // an empty item: "[a, ]", "[, a]"
            }
            char c = text.charAt(k);
            node.add(c == '"' || c == '\'' ? quoted(k, itemEnd) : plain(k, itemEnd, true));
            if (comma == last - 1) {
                return node;
            }
            k = comma + 1;
            while (k < last - 1 && text.charAt(k) == ' ') {
                k++;
            }
        }
    }

    /**
     * A plain scalar: a decimal integer of at most nine digits without a sign or leading zero (an int, as the YAML
     * reading gives it), or a string that starts with a letter, a digit, '_', '/' or '(' and that the YAML reading's
     * own resolver (SnakeYAML's, which Jackson's YAMLParser asks) reads as a string: no boolean, null, number or time.
     */
    private JsonNode plain(int p, int last, boolean inFlow) {
        char c = text.charAt(p);
        if (c >= '0' && c <= '9') {
            int digits = p;
            while (digits < last && text.charAt(digits) >= '0' && text.charAt(digits) <= '9') {
                digits++;
            }
            if (digits == last) {
                if (last - p > 9 || c == '0' && last - p > 1) {
                    throw GiveUp.INSTANCE; // octal in YAML 1.1, or beyond an int
                }
                return NODES.numberNode(Integer.parseInt(text, p, last, 10));
            }
        } else if (!(keyStart(c) || c == '/' || c == '(')) {
            throw GiveUp.INSTANCE; // an indicator, a sign, '.', '~', '<<', '=' and the like
        }
        for (int k = p; k < last; k++) {
            char d = text.charAt(k);
            // A ':' ends a plain scalar before a space (a key), at its end, and in a flow before a flow indicator.
            if (d == ':' && (k + 1 == last || text.charAt(k + 1) == ' ')
                    || inFlow && (d == '[' || d == ']' || d == '{' || d == '}' || d == '?' || d == '"' || d == '\'')) {
                throw GiveUp.INSTANCE;
            }
        }
        String value = text.substring(p, last);
        if (RESOLVER.resolve(NodeId.scalar, value, true) != Tag.STR) {
            throw GiveUp.INSTANCE; // 1.5, 2024-01-01, 1_000, 1:20, yes, Off, null and the like: the YAML reading's
        }
        return SharedScalars.text(value);
    }

    /** YAML 1.1's boolean and null words, in any case (the YAML reading may read them as other than strings). */
    private boolean special(int p, int last) {
        int n = last - p;
        if (n > 5) {
            return false;
        }
        String w = text.substring(p, last).toLowerCase(java.util.Locale.ROOT);
        return switch (w) {
            case "y", "n", "yes", "no", "on", "off", "true", "false", "null" -> true;
            default -> false;
        };
    }
}
