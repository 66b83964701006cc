package io.calicogitops.render;

import com.fasterxml.jackson.databind.JsonNode;
import io.calicogitops.diag.Diagnostic;
import io.calicogitops.diag.Diagnostics;
import io.calicogitops.model.Resource;
import io.calicogitops.validate.CalicoTarget;
import io.calicogitops.validate.Locator;
import io.calicogitops.validate.ManifestValidator;
import io.calicogitops.yaml.YamlDocument;
import io.calicogitops.yaml.YamlWriter;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Work the clusters of one render share. A fleet's clusters mostly differ in a few values, so most templates render to
 * the same text for many clusters and most resources come out the same: each such text is parsed once, each such
 * resource written as YAML once and, when it is valid, validated once. Every step memoised is a function of its key
 * (parsing of the text, writing of the tree, validation of the tree for one Calico target), so the output is the same
 * as without the memo. Parsed trees are shared between clusters, which is safe because nothing changes a tree in
 * place: patches, adopted names and sync annotations each make a copy.
 */
final class RenderMemo {

    /** The documents a rendered text parses to, and the problems found in it (already at template lines). */
    record Parsed(List<YamlDocument> docs, List<Diagnostic> problems) {
        Parsed {
            docs = List.copyOf(docs);
            problems = List.copyOf(problems);
        }
    }

    private record TextKey(String displayPath, String raw, boolean marked) {
    }

    private record ValidKey(CalicoTarget target, TreeKey body) {
    }

    private record FileKey(String header, TreeKey body) {
    }

    private final boolean share;
    private final Map<TextKey, Parsed> parsed = new ConcurrentHashMap<>();
    private final Set<ValidKey> valid = ConcurrentHashMap.newKeySet();
    private final Map<FileKey, byte[]> files = new ConcurrentHashMap<>();
    private final YamlWriter writer = new YamlWriter();

    /** {@code share} false does every step every time: the render without the memo, kept to test against. */
    RenderMemo(boolean share) {
        this.share = share;
    }

    /** The parse of template output {@code out} of {@code displayPath}, made by {@code parse} the first time only. */
    Parsed parse(String displayPath, TemplateEngine.Output out, Supplier<Parsed> parse) {
        // Keyed by the output with its line markers, which fix the line map as well as the text.
        if (!share) {
            return parse.get();
        }
        return once(parsed, new TextKey(displayPath, out.raw(), out.marked()), parse);
    }

    /**
     * Validates {@code r} for {@code target} into {@code found}, skipping a resource equal to one already found
     * valid. Only a valid result is remembered: findings name locations, which differ between clusters.
     */
    void validate(ManifestValidator validator, CalicoTarget target, Resource r, Locator where, Diagnostics found) {
        if (!share) {
            validator.validate(r, where, found);
            return;
        }
        ValidKey key = new ValidKey(target, new TreeKey(r.body()));
        if (valid.contains(key)) {
            return;
        }
        Diagnostics own = new Diagnostics();
        validator.validate(r, where, own);
        if (own.isEmpty()) {
            valid.add(key);
        } else {
            found.addAll(own);
        }
    }

    /** The bytes of a resource's file: {@code header}, then {@code body} as YAML; equal files share one array. */
    byte[] file(String header, JsonNode body) {
        Supplier<byte[]> write = () -> (header + writer.write(body)).getBytes(StandardCharsets.UTF_8);
        return share ? once(files, new FileKey(header, new TreeKey(body)), write) : write.get();
    }

    /** The value made for {@code key}, made by {@code make} if no thread has made it yet; the first one made wins. */
    private static <K, V> V once(Map<K, V> memo, K key, Supplier<V> make) {
        V known = memo.get(key);
        if (known != null) {
            return known;
        }
        // Not computeIfAbsent: that would hold other threads' lookups in the same bin while this one is made.
        V made = make.get();
        V first = memo.putIfAbsent(key, made);
        return first == null ? made : first;
    }
}
