package io.calicogitops.yaml;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

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
        return shared(KEYS, name, Function.identity());
    }

    static TextNode text(String value) {
        return shared(TEXTS, value, JsonNodeFactory.instance::textNode);
    }

    private static <T> T shared(Map<String, T> known, String text, Function<String, T> make) {
        if (text.length() > LONGEST) {
            return make.apply(text);
        }
        T found = known.get(text);
        if (found != null) {
            return found;
        }
        T made = make.apply(text);
        if (known.size() >= MOST) {
            known.clear();
        }
        known.put(text, made);
        return made;
    }
}
