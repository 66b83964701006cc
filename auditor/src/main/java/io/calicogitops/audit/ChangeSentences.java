package io.calicogitops.audit;

import com.fasterxml.jackson.databind.JsonNode;
import io.calicogitops.model.ResourceId;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.TreeSet;

/**
 * Describes how one version of a resource differs from another in sentences people read, with a severity each:
 * {@code egress rule 2: action Deny -> Allow}. Rule lists are compared in order (a reorder is a change, as Calico
 * evaluates rules in order); set-like lists as sets. Package-private: callers outside go through {@link Differ}, the
 * one diff entry point.
 */
final class ChangeSentences {

    private ChangeSentences() {
    }

    /** Changes from {@code from} (Git) to {@code to} (the cluster); both normalised. */
    static List<Change> between(ResourceId id, JsonNode from, JsonNode to) {
        return between(id, from, to, Sides.AUDIT);
    }

    /** Changes from {@code from} to {@code to} (both normalised), naming the two versions as {@code sides} says. */
    static List<Change> between(ResourceId id, JsonNode from, JsonNode to, Sides sides) {
        List<Change> out = new ArrayList<>();
        Severities sev = new Severities(id, from, to);
        walk("", from, to, out, sev, sides);
        if (out.isEmpty() && !equal(from, to)) {
            // Never report a difference without a sentence (an entry with no changes would read as ignored).
            out.add(new Change("", "differs from " + sides.from(), DriftSeverity.WARNING));
        }
        return out;
    }

    static void walk(String ptr, JsonNode a, JsonNode b, List<Change> out, Severities sev, Sides sides) {
        if (equal(a, b)) {
            return;
        }
        if (isRuleList(ptr)) {
            RuleListDiff.describe(ptr, a, b, out, sev, sides);
            return;
        }
        if ((a == null || a.isObject()) && (b == null || b.isObject()) && !ptr.isEmpty() && (a == null) != (b == null)) {
            // An object on one side only (a label map, a rule's source, a report's endpoints): name each field rather
            // than dumping the object as JSON; each field also gets its own severity.
            walk(ptr, a == null ? EMPTY : a, b == null ? EMPTY : b, out, sev, sides);
            return;
        }
        if (Secrets.holdsValue(sev.id(), ptr) && !(a != null && b != null && a.isObject() && b.isObject())) {
            // A Secret's value never reaches a sentence (kubectl diff masks it too): the key and what happened to it.
            out.add(new Change(ptr, Secrets.sentence(PathNames.of(ptr), a, b), sev.of(ptr, a, b)));
            return;
        }
        if (a != null && b != null && a.isObject() && b.isObject()) {
            TreeSet<String> keys = new TreeSet<>();
            a.fieldNames().forEachRemaining(keys::add);
            b.fieldNames().forEachRemaining(keys::add);
            for (String k : keys) {
                walk(ptr + "/" + k.replace("~", "~0").replace("/", "~1"), a.get(k), b.get(k), out, sev, sides);
            }
            return;
        }
        if (a != null && b != null && a.isArray() && b.isArray() && SetFields.isSet(ptr)) {
            out.add(new Change(ptr, setSentence(ptr, a, b), sev.of(ptr, a, b)));
            return;
        }
        String name = PathNames.of(ptr);
        // Inside a rule the name already ends with "rule N: field", so the values follow after a space.
        String sep = name.contains(" rule ") ? " " : ": ";
        String sentence;
        if (a == null) {
            sentence = name + " added" + sep + show(b);
        } else if (b == null) {
            sentence = name + " removed (was " + show(a) + ")";
        } else {
            sentence = name + sep + show(a) + " -> " + show(b);
        }
        out.add(new Change(ptr, sentence, sev.of(ptr, a, b)));
    }

    private static final JsonNode EMPTY = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();

    static boolean isRuleList(String ptr) {
        return ptr.equals("/spec/ingress") || ptr.equals("/spec/egress");
    }

    static boolean equal(JsonNode a, JsonNode b) {
        return a == null ? b == null : a.equals(b);
    }

    private static String setSentence(String ptr, JsonNode a, JsonNode b) {
        TreeSet<String> sa = texts(a);
        TreeSet<String> sb = texts(b);
        TreeSet<String> added = new TreeSet<>(sb);
        added.removeAll(sa);
        TreeSet<String> removed = new TreeSet<>(sa);
        removed.removeAll(sb);
        String name = PathNames.of(ptr);
        // Inside a rule the name already ends with "rule N: field", as in walk().
        StringBuilder s = new StringBuilder(name).append(name.contains(" rule ") ? "" : ":");
        if (!added.isEmpty()) {
            s.append(" added ").append(String.join(", ", added));
        }
        if (!removed.isEmpty()) {
            s.append(added.isEmpty() ? "" : ";").append(" removed ").append(String.join(", ", removed));
        }
        return s.toString();
    }

    private static TreeSet<String> texts(JsonNode arr) {
        TreeSet<String> s = new TreeSet<>();
        for (Iterator<JsonNode> it = arr.elements(); it.hasNext(); ) {
            JsonNode n = it.next();
            s.add(n.isValueNode() ? n.asText() : n.toString());
        }
        return s;
    }

    /** A value as text: strings bare, lists of scalars as {@code [a, b]}, anything else as compact JSON, shortened. */
    static String show(JsonNode n) {
        String s = n == null ? "(absent)" : n.isTextual() ? n.asText() : isScalarList(n) ? list(n) : n.toString();
        return s.length() > 160 ? s.substring(0, 157) + "..." : s;
    }

    private static boolean isScalarList(JsonNode n) {
        if (!n.isArray()) {
            return false;
        }
        for (JsonNode e : n) {
            if (!e.isValueNode()) {
                return false;
            }
        }
        return true;
    }

    private static String list(JsonNode n) {
        List<String> items = new ArrayList<>();
        n.forEach(e -> items.add(e.asText()));
        return "[" + String.join(", ", items) + "]";
    }

    /** Convenience for callers that only need the worst severity. */
    static DriftSeverity worst(List<Change> changes) {
        return changes.stream().map(Change::severity).reduce(DriftSeverity.NONE, DriftSeverity::max);
    }
}
