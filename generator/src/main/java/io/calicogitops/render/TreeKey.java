package io.calicogitops.render;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Iterator;
import java.util.Map;

/**
 * A JSON tree as a map key, equal only to a tree written the same way: same keys in the same order and scalars of
 * the same node type and value ({@code 1.0} and {@code 1.00} differ). Jackson's own {@code equals} ignores key order
 * and numeric scale, both of which the YAML a tree is written as keeps. The tree must not change while it is a key.
 */
final class TreeKey {

    private final JsonNode tree;
    private final int hash;

    TreeKey(JsonNode tree) {
        this.tree = tree;
        this.hash = hash(tree);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TreeKey k && hash == k.hash && same(tree, k.tree);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    static boolean same(JsonNode a, JsonNode b) {
        if (a == b) {
            return true;
        }
        if (a.getClass() != b.getClass() || a.size() != b.size()) {
            return false;
        }
        if (a.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> ia = a.properties().iterator();
            Iterator<Map.Entry<String, JsonNode>> ib = b.properties().iterator();
            while (ia.hasNext()) {
                Map.Entry<String, JsonNode> ea = ia.next();
                Map.Entry<String, JsonNode> eb = ib.next();
                if (!ea.getKey().equals(eb.getKey()) || !same(ea.getValue(), eb.getValue())) {
                    return false;
                }
            }
            return true;
        }
        if (a.isArray()) {
            for (int i = 0; i < a.size(); i++) {
                if (!same(a.get(i), b.get(i))) {
                    return false;
                }
            }
            return true;
        }
        // Number.equals compares BigDecimal with its scale, where DecimalNode.equals would not.
        return a.isNumber() ? a.numberValue().equals(b.numberValue()) : a.equals(b);
    }

    private static int hash(JsonNode n) {
        int h = n.getClass().hashCode();
        if (n.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = n.properties().iterator(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                h = 31 * (31 * h + e.getKey().hashCode()) + hash(e.getValue());
            }
        } else if (n.isArray()) {
            for (JsonNode item : n) {
                h = 31 * h + hash(item);
            }
        } else {
            h = 31 * h + (n.isNumber() ? n.numberValue().hashCode() : n.hashCode());
        }
        return h;
    }
}
