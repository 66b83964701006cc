package io.calicogitops.yaml;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One instance of each short key and short string value for every tree read, as Jackson's JSON parser interns keys:
 * a large audit holds each object twice (Git and cluster), and their keys and most values ("Allow", "TCP", the
 * apiVersion, the kind) are the same few strings, which took a fifth of its heap. Text nodes are immutable, so
 * trees may share them. Bounded: emptied when full, which only loses some sharing.
 */
final class SharedScalars {

    private static final int LONGEST = 24;
    private static final int MOST = 20_000;
    private static final Map<String, String> KEYS = new ConcurrentHashMap<>();
    private static final Map<String, TextNode> TEXTS = new ConcurrentHashMap<>();

    private SharedScalars() {
    }

    static String key(String name) {
        if (name.length() > LONGEST) {
            return name;
        }
        String known = KEYS.get(name);
        if (known != null) {
            return known;
        }
        if (KEYS.size() >= MOST) {
            KEYS.clear();
        }
        KEYS.put(name, name);
        return name;
    }

    static TextNode text(String value) {
        if (value.length() > LONGEST) {
            return JsonNodeFactory.instance.textNode(value);
        }
        TextNode known = TEXTS.get(value);
        if (known != null) {
            return known;
        }
        TextNode made = JsonNodeFactory.instance.textNode(value);
        if (TEXTS.size() >= MOST) {
            TEXTS.clear();
        }
        TEXTS.put(value, made);
        return made;
    }
}
