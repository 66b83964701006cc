package io.calicogitops.yaml;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The anchors of one document, and the expansion of aliases into copies of what they name under the limits
 * against alias bombs: a count of aliases to collections, a cap on the values they expand to, and the depth limit.
 */
final class Anchors {

    // A few aliases to large collections can still multiply into millions of values: cap what they add in total.
    static final long MAX_EXPANSION_VALUES = 1_000_000;

    private record Anchor(JsonNode node, long size, int depth) {
    }

    private final YamlLimits limits;
    private final Map<String, Anchor> defined = new HashMap<>();
    private final Set<String> open = new HashSet<>();
    private int collectionAliases;
    private long expandedValues;

    Anchors(YamlLimits limits) {
        this.limits = limits;
    }

    /** A collection with this anchor has started; aliases to it are invalid until it ends. */
    void opened(String name) {
        open.add(name);
    }

    /** The value with this anchor is complete (a later anchor of the same name replaces it, as in YAML). */
    void define(String name, JsonNode node) {
        open.remove(name);
        defined.put(name, new Anchor(node, size(node), depth(node)));
    }

    /**
     * Counts alias {@code *name} used under {@code depth} open collections and says which limit it breaks,
     * or null if none.
     */
    String limitBreachedBy(String name, int depth) {
        Anchor anchor = defined.get(name);
        if (anchor == null || !anchor.node.isContainerNode()) {
            return null;
        }
        if (++collectionAliases > limits.maxAliasesForCollections()) {
            return "more than " + limits.maxAliasesForCollections()
                    + " aliases to mappings or sequences in one document (possible YAML alias bomb)";
        }
        expandedValues += anchor.size;
        if (expandedValues > MAX_EXPANSION_VALUES) {
            return "aliases expand to more than " + MAX_EXPANSION_VALUES + " values in one document (possible YAML alias bomb)";
        }
        if (depth + anchor.depth > limits.maxDepth()) {
            return "alias '*" + name + "' nests mappings and sequences more than " + limits.maxDepth() + " levels deep";
        }
        return null;
    }

    /** A copy of the value named by {@code *name} (so that editing one use does not change the others), or null. */
    JsonNode copy(String name) {
        Anchor anchor = defined.get(name);
        return anchor == null ? null : anchor.node.deepCopy();
    }

    /** Why {@code *name} names nothing. */
    String undefined(String name) {
        return open.contains(name)
                ? "alias '*" + name + "' refers to a collection that contains it"
                : "undefined alias '*" + name + "'";
    }

    private static long size(JsonNode node) {
        long size = 1;
        for (JsonNode child : node) {
            size += size(child);
        }
        return size;
    }

    private static int depth(JsonNode node) {
        int deepest = 0;
        for (JsonNode child : node) {
            deepest = Math.max(deepest, depth(child));
        }
        return node.isContainerNode() ? deepest + 1 : 0;
    }
}
