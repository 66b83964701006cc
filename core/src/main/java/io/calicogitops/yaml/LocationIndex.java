package io.calicogitops.yaml;

import io.calicogitops.diag.SourceLocation;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntUnaryOperator;
import java.util.function.Supplier;

/**
 * Where each value (and each mapping key) of one YAML document was written, by RFC 6901 JSON pointer
 * ({@code /metadata/labels/projectcalico.org~1tier}); recorded while the document is parsed.
 * Values copied in through an alias are located at the alias; anything below them falls back to it.
 * Build pointers with {@link #child} or Jackson's {@code JsonPointer}.
 * <p>An index may record only the values and keys down to a depth ({@link YamlReader#withLocationDepth}): it then
 * holds exactly what the full index holds at those depths, and answers for a deeper pointer from the full index,
 * built on first use by reading the text again. Most readers only ever ask for a document's start or its top
 * levels (an audit names each drifted object's file and line), while recording every pointer of a large snapshot took
 * most of an audit's heap and a third of its time.
 */
public final class LocationIndex {

    enum Kind { CONTAINER, SCALAR, ALIAS }

    private record Entry(int line, int column, int index, Kind kind) {
    }

    private final String file;
    private final SourceText source;
    private final Map<String, Entry> values = new HashMap<>();
    private final Map<String, Entry> keys = new HashMap<>();
    private final IntUnaryOperator lineMap;
    private final int depth;
    private final Supplier<LocationIndex> full;

    LocationIndex(String file, SourceText source) {
        this(file, source, Integer.MAX_VALUE, null);
    }

    /** An index of the values and keys down to {@code depth} (the root is 0); {@code full} answers for the rest. */
    LocationIndex(String file, SourceText source, int depth, Supplier<LocationIndex> full) {
        this.file = file;
        this.source = source;
        this.lineMap = IntUnaryOperator.identity();
        this.depth = depth;
        this.full = full == null ? null : new Lazy<>(full);
    }

    private LocationIndex(LocationIndex of, IntUnaryOperator lineMap, IntUnaryOperator toSourceLine) {
        this.file = of.file;
        this.source = of.source;
        this.values.putAll(of.values);
        this.keys.putAll(of.keys);
        this.lineMap = lineMap;
        this.depth = of.depth;
        this.full = of.full == null ? null : new Lazy<>(() -> of.full.get().mapLines(toSourceLine));
    }

    /**
     * The same index reporting {@code toSourceLine(line)} instead of each line of the text it was read from: for
     * text generated from another file (a rendered template), so that locations name the line of that file.
     */
    public LocationIndex mapLines(IntUnaryOperator toSourceLine) {
        return new LocationIndex(this, lineMap.andThen(toSourceLine), toSourceLine);
    }

    /** How many values and keys this index holds itself (tests: what a partial reading keeps). */
    int recorded() {
        return values.size() + keys.size();
    }

    /** Whether values and keys at this pointer's depth are recorded here. */
    boolean records(int pointerDepth) {
        return pointerDepth <= depth;
    }

    void putValue(String pointer, SourceLocation at, int index, Kind kind) {
        values.put(pointer, new Entry(at.line(), at.column(), index, kind));
    }

    void putKey(String pointer, SourceLocation at, int index) {
        keys.put(pointer, new Entry(at.line(), at.column(), index, Kind.SCALAR));
    }

    /** The pointer to member {@code key} of the object at {@code parent}, escaping {@code ~} and {@code /}. */
    public static String child(String parent, String key) {
        return parent + "/" + key.replace("~", "~0").replace("/", "~1");
    }

    /** The pointer to item {@code index} of the array at {@code parent}. */
    public static String child(String parent, int index) {
        return parent + "/" + index;
    }

    public String file() {
        return file;
    }

    /** Whether a value was recorded at exactly this pointer. */
    public boolean contains(String jsonPointer) {
        if (isDeep(check(jsonPointer))) {
            return full.get().contains(jsonPointer);
        }
        return values.containsKey(jsonPointer);
    }

    /**
     * The first token of the value at the pointer (for a mapping or sequence, its first key or item), or of the
     * nearest ancestor that exists when the pointer does not (a missing field points at its parent's value).
     */
    public SourceLocation locate(String jsonPointer) {
        if (isDeep(check(jsonPointer))) {
            return full.get().locate(jsonPointer);
        }
        for (String p = jsonPointer; ; p = parent(p)) {
            Entry e = values.get(p);
            if (e != null) {
                return at(e.line, e.column);
            }
            if (p.isEmpty()) {
                return SourceLocation.of(file);
            }
        }
    }

    /**
     * The key of the member at the pointer; for sequence items and the root, the value itself. A missing
     * member falls back to the key of the nearest ancestor ({@code /spec/selector} absent: the {@code spec:} key).
     */
    public SourceLocation locateKey(String jsonPointer) {
        if (isDeep(check(jsonPointer))) {
            return full.get().locateKey(jsonPointer);
        }
        for (String p = jsonPointer; ; p = parent(p)) {
            Entry key = keys.get(p);
            if (key != null) {
                return at(key.line, key.column);
            }
            if (values.containsKey(p) || p.isEmpty()) {
                return locate(p);
            }
        }
    }

    /**
     * The location of character {@code offsetInValue} of the scalar at the pointer, so that an error found inside
     * a value (a selector, a CIDR) points at the right column. Quotes, {@code ''} and backslash escapes of
     * single-line scalars are accounted for; for multi-line (folded, block) scalars the result is approximate.
     * Falls back to {@link #locate} when the pointer is not a scalar written in place (absent, a collection, an alias).
     */
    public SourceLocation locateInScalar(String jsonPointer, int offsetInValue) {
        if (isDeep(check(jsonPointer))) {
            return full.get().locateInScalar(jsonPointer, offsetInValue);
        }
        Entry e = values.get(jsonPointer);
        if (e == null || e.kind != Kind.SCALAR) {
            return locate(jsonPointer);
        }
        int i = ScalarColumns.indexOf(source, e.index, Math.max(0, offsetInValue));
        return at(source.line(i), source.column(i));
    }

    /** How the scalar at exactly this pointer was written; empty for collections, aliases and absent pointers. */
    public Optional<ScalarStyle> scalarStyle(String jsonPointer) {
        if (isDeep(check(jsonPointer))) {
            return full.get().scalarStyle(jsonPointer);
        }
        Entry e = values.get(jsonPointer);
        if (e == null || e.kind != Kind.SCALAR) {
            return Optional.empty();
        }
        return Optional.of(ScalarColumns.style(source, e.index));
    }

    private SourceLocation at(int line, int column) {
        return SourceLocation.of(file, lineMap.applyAsInt(line), column);
    }

    /** Deeper than recorded here; every ancestor of a pointer that is not deep is not deep either. */
    private boolean isDeep(String pointer) {
        if (full == null) {
            return false;
        }
        int slashes = 0;
        for (int i = 0; i < pointer.length(); i++) {
            if (pointer.charAt(i) == '/' && ++slashes > depth) {
                return true;
            }
        }
        return false;
    }

    private static String parent(String pointer) {
        return pointer.substring(0, pointer.lastIndexOf('/'));
    }

    private static String check(String jsonPointer) {
        if (!jsonPointer.isEmpty() && jsonPointer.charAt(0) != '/') {
            throw new IllegalArgumentException("not a JSON pointer: '" + jsonPointer + "'");
        }
        return jsonPointer;
    }
}
