package io.calicogitops.yaml;

import com.fasterxml.jackson.databind.JsonNode;
import io.calicogitops.diag.Diagnostics;
import io.calicogitops.diag.Suggestions;
import io.calicogitops.diag.SourceLocation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads typed values out of one YAML mapping, reporting every problem (unknown key, wrong type, value out of range)
 * with its file:line:col instead of stopping at the first. Missing keys take the caller's default.
 */
public final class MappingReader {

    private final JsonNode node;
    private final String pointer;
    private final String path;
    private final LocationIndex locations;
    private final Diagnostics diagnostics;

    public MappingReader(JsonNode node, String pointer, String path, LocationIndex locations, Diagnostics diagnostics) {
        this.node = node;
        this.pointer = pointer;
        this.path = path;
        this.locations = locations;
        this.diagnostics = diagnostics;
    }

    public static MappingReader root(JsonNode node, LocationIndex locations, Diagnostics diagnostics) {
        return new MappingReader(node, "", "", locations, diagnostics);
    }

    /** Location of the value of {@code key} (or of this mapping when the key is absent). */
    public SourceLocation at(String key) {
        return locations.locate(pointerOf(key));
    }

    public SourceLocation here() {
        return locations.locate(pointer);
    }

    public String pathOf(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    public String pointerOf(String key) {
        return pointer + "/" + key.replace("~", "~0").replace("/", "~1");
    }

    public boolean has(String key) {
        JsonNode v = node.get(key);
        return v != null && !v.isNull();
    }

    public void error(String key, String message) {
        diagnostics.error(at(key), pathOf(key) + ": " + message);
    }

    public void error(String key, String message, String hint) {
        diagnostics.error(at(key), pathOf(key) + ": " + message, hint);
    }

    public Diagnostics diagnostics() {
        return diagnostics;
    }

    public LocationIndex locations() {
        return locations;
    }

    /** Reports keys this mapping does not know, with the closest known key as a hint. */
    public void rejectUnknownKeys(Collection<String> known) {
        node.fieldNames().forEachRemaining(k -> {
            if (!known.contains(k)) {
                String close = closest(k, known);
                diagnostics.add(io.calicogitops.diag.Diagnostic.error(locations.locateKey(pointerOf(k)),
                        pathOf(k) + ": unknown key",
                        close == null ? "known keys: " + String.join(", ", known.stream().sorted().toList())
                                : "did you mean '" + close + "'?"));
            }
        });
    }

    public String string(String key, String dflt) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            return dflt;
        }
        if (!v.isValueNode() || v.isBoolean()) {
            error(key, "expected a string, got " + describe(v));
            return dflt;
        }
        return v.asText();
    }

    /** A string that must be one of {@code allowed} (case-sensitive, as Calico's API is). */
    public String oneOf(String key, String dflt, List<String> allowed) {
        String v = string(key, dflt);
        if (v != null && !allowed.contains(v)) {
            String ci = allowed.stream().filter(a -> a.equalsIgnoreCase(v)).findFirst().orElse(null);
            error(key, "unknown value '" + v + "' (expected " + orList(allowed) + ")",
                    ci != null ? "values are case-sensitive: write '" + ci + "'" : null);
            return dflt;
        }
        return v;
    }

    public boolean bool(String key, boolean dflt) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            return dflt;
        }
        if (!v.isBoolean()) {
            error(key, "expected true or false, got " + describe(v));
            return dflt;
        }
        return v.booleanValue();
    }

    public int integer(String key, int dflt, int min, int max) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            return dflt;
        }
        if (!v.isIntegralNumber()) {
            error(key, "expected a whole number, got " + describe(v));
            return dflt;
        }
        int i = v.asInt();
        if (i < min || i > max || !v.canConvertToInt()) {
            error(key, "must be between " + min + " and " + max + " (got " + v.asText() + ")");
            return dflt;
        }
        return i;
    }

    /** A Calico order: any finite number >= 0. */
    public Number order(String key, Number dflt) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            return dflt;
        }
        if (!v.isNumber()) {
            error(key, "expected a number, got " + describe(v));
            return dflt;
        }
        if (v.asDouble() < 0 || Double.isInfinite(v.asDouble())) {
            error(key, "order must be a finite number >= 0 (got " + v.asText() + ")");
            return dflt;
        }
        return v.isIntegralNumber() ? (Number) v.asLong() : (Number) v.asDouble();
    }

    public List<String> strings(String key, List<String> dflt) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            return dflt;
        }
        if (!v.isArray()) {
            error(key, "expected a list of strings, got " + describe(v));
            return dflt;
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            JsonNode item = v.get(i);
            if (!item.isTextual() && !item.isNumber()) {
                diagnostics.error(locations.locate(pointerOf(key) + "/" + i),
                        pathOf(key) + "[" + i + "]: expected a string, got " + describe(item));
            } else {
                out.add(item.asText());
            }
        }
        return List.copyOf(out);
    }

    /** A nested mapping, or empty when absent; a non-mapping is reported. */
    public Optional<MappingReader> object(String key) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            return Optional.empty();
        }
        if (!v.isObject()) {
            error(key, "expected a mapping, got " + describe(v));
            return Optional.empty();
        }
        return Optional.of(new MappingReader(v, pointerOf(key), pathOf(key), locations, diagnostics));
    }

    /** A list of mappings, each read by {@code item}. */
    public <T> List<T> objects(String key, List<T> dflt, Function<MappingReader, T> item) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            return dflt;
        }
        if (!v.isArray()) {
            error(key, "expected a list, got " + describe(v));
            return dflt;
        }
        List<T> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            JsonNode e = v.get(i);
            String p = pointerOf(key) + "/" + i;
            String name = pathOf(key) + "[" + i + "]";
            if (!e.isObject()) {
                diagnostics.error(locations.locate(p), name + ": expected a mapping, got " + describe(e));
                continue;
            }
            T t = item.apply(new MappingReader(e, p, name, locations, diagnostics));
            if (t != null) {
                out.add(t);
            }
        }
        return List.copyOf(out);
    }

    public JsonNode raw(String key) {
        return node.get(key);
    }

    public static String describe(JsonNode v) {
        if (v.isTextual()) {
            return "string '" + v.asText() + "'";
        }
        if (v.isNumber()) {
            return "number " + v.asText();
        }
        if (v.isBoolean()) {
            return "boolean " + v.asText();
        }
        if (v.isArray()) {
            return "a list";
        }
        if (v.isObject()) {
            return "a mapping";
        }
        return v.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }

    public static String orList(List<String> allowed) {
        if (allowed.size() == 1) {
            return allowed.get(0);
        }
        return String.join(", ", allowed.subList(0, allowed.size() - 1)) + " or " + allowed.get(allowed.size() - 1);
    }

    /** The known key nearest to {@code key}, if close enough to be a typo, else null. */
    public static String closest(String key, Collection<String> known) {
        return Suggestions.closest(key, known, 1).stream().findFirst().orElse(null);
    }
}
