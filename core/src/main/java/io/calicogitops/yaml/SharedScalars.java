package io.calicogitops.yaml;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import io.calicogitops.memo.BoundedMemo;
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
    private static final BoundedMemo<String, String> KEYS =
            new BoundedMemo<>(new ConcurrentHashMap<>(), MOST, Function.identity());
    private static final BoundedMemo<String, TextNode> TEXTS =
            new BoundedMemo<>(new ConcurrentHashMap<>(), MOST, JsonNodeFactory.instance::textNode);

    private SharedScalars() {
    }

    static String key(String name) {
        return name.length() > LONGEST ? name : KEYS.get(name);
    }

    static TextNode text(String value) {
        return value.length() > LONGEST ? JsonNodeFactory.instance.textNode(value) : TEXTS.get(value);
    }
}
