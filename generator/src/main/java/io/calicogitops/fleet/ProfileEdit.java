package io.calicogitops.fleet;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calicogitops.diag.Diagnostics;
import io.calicogitops.diag.InvalidInputException;
import io.calicogitops.diag.SourceLocation;
import io.calicogitops.yaml.ScalarStyle;
import io.calicogitops.yaml.YamlDocument;
import io.calicogitops.yaml.YamlReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Sets one string value of a cluster profile in its source text, keeping everything else byte for byte: comments,
 * key order, quoting and blank lines. The edit is a change of the scalar in place, or one inserted line when the
 * key is absent from a block mapping, or an appended block when even its parent mapping is absent. The result is
 * parsed again and must equal the original tree with just that value set; anything else (a flow mapping, an
 * alias, a key written in a way this editor does not handle) is refused so that the user edits by hand.
 */
public final class ProfileEdit {

    private static final Pattern PLAIN_SAFE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]*");
    private static final Pattern KEY_SAFE = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*");

    private ProfileEdit() {
    }

    /**
     * The profile text with the value at {@code pointer} (a JSON pointer of mapping keys, such as
     * {@code /defaultDeny/mode}) set to {@code value}. Unchanged text when it already has that value.
     *
     * @throws InvalidInputException when the text does not parse or the value cannot be edited safely in place
     */
    public static String setString(String text, String file, String pointer, String value) {
        YamlReader reader = new YamlReader();
        Diagnostics diagnostics = new Diagnostics();
        Optional<YamlDocument> read = reader.readOne(text, file, diagnostics);
        diagnostics.throwIfErrors("reading the profile");
        YamlDocument doc = read.orElseThrow(() -> InvalidInputException.single(SourceLocation.of(file), "the profile is empty"));
        if (!doc.body().isObject()) {
            throw InvalidInputException.single(doc.location(), "a profile must be a mapping");
        }
        List<String> keys = keys(pointer);
        for (String key : keys) {
            if (!KEY_SAFE.matcher(key).matches()) {
                throw new IllegalArgumentException("unsupported profile key '" + key + "'");
            }
        }
        JsonNode current = doc.body().at(pointer);
        if (current.isTextual() && current.asText().equals(value)) {
            return text;
        }
        String edited;
        if (!current.isMissingNode()) {
            edited = replaceScalar(text, doc, pointer, current, value);
        } else {
            edited = insert(text, doc, keys, value);
        }
        check(doc, edited, file, pointer, value);
        return edited;
    }

    private static String replaceScalar(String text, YamlDocument doc, String pointer, JsonNode current, String value) {
        if (current.isContainerNode()) {
            throw refuse(doc.locate(pointer), pointer + " is a mapping or list, not a value");
        }
        ScalarStyle style = doc.locations().scalarStyle(pointer)
                .orElseThrow(() -> refuse(doc.locate(pointer), pointer + " is not written in place (an alias?)"));
        SourceLocation at = doc.locate(pointer);
        Lines lines = new Lines(text);
        String line = lines.get(at.line());
        int start = at.column() - 1;
        int end = switch (style) {
            case PLAIN -> plainEnd(line, start);
            case SINGLE_QUOTED -> quotedEnd(line, start, '\'');
            case DOUBLE_QUOTED -> quotedEnd(line, start, '"');
            case LITERAL, FOLDED -> throw refuse(at, pointer + " is a block scalar");
        };
        if (end < 0) {
            throw refuse(at, pointer + " spans several lines");
        }
        String replacement = style == ScalarStyle.PLAIN ? scalar(value) : quoted(value, style);
        return lines.replace(at.line(), line.substring(0, start) + replacement + line.substring(end));
    }

    private static String insert(String text, YamlDocument doc, List<String> keys, String value) {
        Lines lines = new Lines(text);
        // The deepest ancestor mapping that exists; the rest of the path is written below it.
        int present = keys.size() - 1;
        while (present > 0 && doc.body().at(pointer(keys.subList(0, present))).isMissingNode()) {
            present--;
        }
        List<String> missing = keys.subList(present, keys.size());
        if (present == 0) {
            StringBuilder block = new StringBuilder();
            for (int i = 0; i < missing.size(); i++) {
                block.append("  ".repeat(i)).append(missing.get(i)).append(':');
                block.append(i == missing.size() - 1 ? " " + scalar(value) + "\n" : "\n");
            }
            return lines.append(block.toString());
        }
        String parent = pointer(keys.subList(0, present));
        JsonNode parentNode = doc.body().at(parent);
        if (!parentNode.isObject()) {
            throw refuse(doc.locate(parent), parent + " is not a mapping");
        }
        SourceLocation keyAt = doc.locations().locateKey(parent);
        String keyLine = lines.get(keyAt.line());
        int colon = keyLine.indexOf(':', keyAt.column() - 1);
        String rest = colon < 0 ? "#" : keyLine.substring(colon + 1).strip();
        if (!rest.isEmpty() && !rest.startsWith("#")) {
            throw refuse(keyAt, parent + " is written on one line ({...}); edit " + pointer(keys) + " by hand");
        }
        String indent;
        if (parentNode.isEmpty()) {
            indent = " ".repeat(keyAt.column() - 1 + 2);
        } else {
            SourceLocation firstChild = doc.locate(parent);
            indent = " ".repeat(firstChild.column() - 1);
        }
        StringBuilder block = new StringBuilder();
        for (int i = 0; i < missing.size(); i++) {
            block.append(indent).append("  ".repeat(i)).append(missing.get(i)).append(':');
            block.append(i == missing.size() - 1 ? " " + scalar(value) : "").append('\n');
        }
        return lines.insertAfter(keyAt.line(), block.toString());
    }

    private static void check(YamlDocument before, String edited, String file, String pointer, String value) {
        Diagnostics diagnostics = new Diagnostics();
        Optional<YamlDocument> after = new YamlReader().readOne(edited, file, diagnostics);
        ObjectNode expected = before.body().deepCopy();
        List<String> keys = keys(pointer);
        ObjectNode node = expected;
        for (String key : keys.subList(0, keys.size() - 1)) {
            node = node.has(key) ? (ObjectNode) node.get(key) : node.putObject(key);
        }
        node.set(keys.get(keys.size() - 1), JsonNodeFactory.instance.textNode(value));
        if (diagnostics.hasErrors() || after.isEmpty() || !after.get().body().equals(expected)) {
            throw refuse(before.locate(pointer), "could not set " + pointer + " without changing anything else; edit it by hand");
        }
    }

    private static int plainEnd(String line, int start) {
        // Inside a flow collection ({a: b, c: d}) a plain scalar also ends at ',', '}' and ']'; the re-parse
        // in check() catches whatever this reading of the line gets wrong.
        boolean flow = line.substring(0, start).chars().anyMatch(c -> c == '{' || c == '[');
        int end = line.length();
        for (int i = start; i < line.length(); i++) {
            char c = line.charAt(i);
            if ((c == '#' && i > start && Character.isWhitespace(line.charAt(i - 1)))
                    || (flow && (c == ',' || c == '}' || c == ']'))) {
                end = i;
                break;
            }
        }
        while (end > start && Character.isWhitespace(line.charAt(end - 1))) {
            end--;
        }
        return end;
    }

    private static int quotedEnd(String line, int start, char quote) {
        for (int i = start + 1; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote == '"' && c == '\\') {
                i++;
            } else if (c == quote) {
                if (quote == '\'' && i + 1 < line.length() && line.charAt(i + 1) == '\'') {
                    i++;
                } else {
                    return i + 1;
                }
            }
        }
        return -1;
    }

    private static String scalar(String value) {
        return PLAIN_SAFE.matcher(value).matches() && !isYamlKeyword(value) ? value : quoted(value, ScalarStyle.DOUBLE_QUOTED);
    }

    private static boolean isYamlKeyword(String value) {
        return value.matches("(?i)true|false|yes|no|on|off|null|y|n|~") || value.matches("[0-9][0-9._]*");
    }

    private static String quoted(String value, ScalarStyle style) {
        if (style == ScalarStyle.SINGLE_QUOTED) {
            return "'" + value.replace("'", "''") + "'";
        }
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\x%02x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    private static List<String> keys(String pointer) {
        if (!pointer.startsWith("/") || pointer.length() < 2) {
            throw new IllegalArgumentException("not a JSON pointer to a member: '" + pointer + "'");
        }
        List<String> keys = new ArrayList<>();
        for (JsonPointer p = JsonPointer.compile(pointer); !p.matches(); p = p.tail()) {
            keys.add(p.getMatchingProperty());
        }
        return keys;
    }

    private static String pointer(List<String> keys) {
        return keys.isEmpty() ? "" : "/" + String.join("/", keys);
    }

    private static InvalidInputException refuse(SourceLocation at, String message) {
        return InvalidInputException.single(at, message);
    }

    /** The text as lines (1-based) with their line endings, so that edits keep the file's own line breaks. */
    private static final class Lines {
        private final List<String> lines = new ArrayList<>();
        private final List<String> endings = new ArrayList<>();
        private final String newline;

        Lines(String text) {
            int i = 0;
            while (i < text.length()) {
                int nl = text.indexOf('\n', i);
                int end = nl < 0 ? text.length() : nl;
                int contentEnd = end > i && text.charAt(end - 1) == '\r' ? end - 1 : end;
                lines.add(text.substring(i, contentEnd));
                endings.add(text.substring(contentEnd, nl < 0 ? end : nl + 1));
                i = nl < 0 ? text.length() : nl + 1;
            }
            newline = endings.stream().filter(e -> !e.isEmpty()).findFirst().orElse("\n");
        }

        String get(int line) {
            return lines.get(line - 1);
        }

        String replace(int line, String content) {
            lines.set(line - 1, content);
            return join();
        }

        String insertAfter(int line, String block) {
            if (endings.get(line - 1).isEmpty()) {
                endings.set(line - 1, newline);
            }
            List<String> added = block.lines().toList();
            for (int i = 0; i < added.size(); i++) {
                lines.add(line + i, added.get(i));
                endings.add(line + i, newline);
            }
            return join();
        }

        String append(String block) {
            if (!lines.isEmpty() && endings.get(lines.size() - 1).isEmpty()) {
                endings.set(lines.size() - 1, newline);
            }
            for (String l : block.lines().toList()) {
                lines.add(l);
                endings.add(newline);
            }
            return join();
        }

        private String join() {
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < lines.size(); i++) {
                out.append(lines.get(i)).append(endings.get(i));
            }
            return out.toString();
        }
    }
}
