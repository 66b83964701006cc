package io.calicogitops.yaml;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Every JSON pointer of a tree, root first, in document order (tests that compare locations pointer by pointer). */
final class Pointers {

    private Pointers() {
    }

    static List<String> of(JsonNode root) {
        List<String> out = new ArrayList<>();
        collect(root, "", out);
        return out;
    }

    private static void collect(JsonNode n, String at, List<String> out) {
        out.add(at);
        if (n.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                collect(e.getValue(), LocationIndex.child(at, e.getKey()), out);
            }
        } else if (n.isArray()) {
            for (int i = 0; i < n.size(); i++) {
                collect(n.get(i), LocationIndex.child(at, i), out);
            }
        }
    }
}
