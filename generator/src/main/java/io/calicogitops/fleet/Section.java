package io.calicogitops.fleet;

import io.calicogitops.yaml.MappingReader;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * One mapping of the profile (or each item of a list of mappings): its key, the keys it knows, and the mappings nested
 * in it. The single place the known keys live: the reader rejects the others with it, and the docs test compares
 * docs/fleet-profile.md with it.
 */
record Section(String key, Set<String> leaves, List<Section> nested) {

    Section {
        leaves = Set.copyOf(leaves);
        nested = List.copyOf(nested);
    }

    /** A section with these scalar (or free-form) keys and no nested section. */
    static Section of(String key, String... leaves) {
        return new Section(key, Set.of(leaves), List.of());
    }

    /** This section with {@code sections} nested in it. */
    Section with(Section... sections) {
        return new Section(key, leaves, List.of(sections));
    }

    /** Every key this mapping knows: its own and those of the nested sections. */
    Set<String> keys() {
        Set<String> all = new TreeSet<>(leaves);
        nested.forEach(s -> all.add(s.key));
        return all;
    }

    /**
     * The mapping under {@code key} in {@code parent}, unknown keys reported, read by {@code body}; empty when absent
     * (or not a mapping, reported), so the caller falls back to the section's defaults.
     */
    <T> Optional<T> read(MappingReader parent, Function<MappingReader, T> body) {
        return parent.object(key).map(r -> body.apply(checked(r)));
    }

    /** The list of mappings under {@code key}, each item checked and read by {@code item}; {@code absent} when absent. */
    <T> List<T> readList(MappingReader parent, List<T> absent, Function<MappingReader, T> item) {
        return parent.objects(key, absent, r -> item.apply(checked(r)));
    }

    /** {@code r} after its unknown keys are reported (with the closest known key as a hint). */
    MappingReader checked(MappingReader r) {
        r.rejectUnknownKeys(keys());
        return r;
    }

    /** The known keys of this section and every nested one, by dotted path ({@code ""} for this one), sorted. */
    Map<String, Set<String>> keysByPath() {
        Map<String, Set<String>> out = new TreeMap<>();
        collect("", out);
        return out;
    }

    private void collect(String path, Map<String, Set<String>> out) {
        out.put(path, keys());
        for (Section s : nested) {
            s.collect(path.isEmpty() ? s.key : path + "." + s.key, out);
        }
    }
}
