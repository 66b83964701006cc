package io.calicogitops.render;

import com.fasterxml.jackson.databind.JsonNode;
import io.calicogitops.diag.Diagnostics;
import io.calicogitops.fleet.ClusterProfile;
import io.calicogitops.yaml.YamlDocument;
import io.calicogitops.yaml.YamlReader;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A pack's optional {@code pack.yaml}: which clusters render it ({@code clusters:}, default all; like an Argo CD
 * ApplicationSet's cluster generator, so a pack learned from one cluster's traffic never lands in another) and its
 * staged/enforced switches ({@code modes:}). A mode {@code <key>} is read from the profile's {@code values.<key>}
 * ({@code staged} or {@code enforced}, default as declared) and seen by the pack's templates as
 * {@code modes.<key>.staged} / {@code modes.<key>.enforced}, the way {@code defaultDeny.mode} drives the
 * default-deny pack; so {@code promote}'s {@code # promote: <policy> /values/<key>=enforced} line enforces it.
 */
public record PackManifest(List<String> clusters, Map<String, String> modes) {

    public static final String FILE = "pack.yaml";
    private static final List<String> MODES = List.of("staged", "enforced");

    public PackManifest {
        clusters = List.copyOf(clusters);
        modes = java.util.Collections.unmodifiableMap(new TreeMap<>(modes));
    }

    /** The manifest of {@code pack}, or the default (every cluster, no modes); problems go to {@code diagnostics}. */
    public static PackManifest of(TemplateLibrary templates, String pack, Diagnostics diagnostics) {
        TemplateFile file = templates.files().get(pack + "/" + FILE);
        if (file == null) {
            return new PackManifest(List.of(), Map.of());
        }
        Optional<YamlDocument> doc = new YamlReader().readOne(file.text(), file.displayPath(), diagnostics);
        List<String> clusters = new ArrayList<>();
        Map<String, String> modes = new LinkedHashMap<>();
        if (doc.isEmpty()) {
            return new PackManifest(clusters, modes);
        }
        JsonNode body = doc.get().body();
        for (Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!key.equals("clusters") && !key.equals("modes")) {
                diagnostics.error(doc.get().locate("/" + key), "unknown key '" + key + "' in " + FILE, "keys: clusters, modes");
            }
        }
        body.path("clusters").forEach(n -> clusters.add(n.asText()));
        body.path("modes").fields().forEachRemaining(e -> {
            if (!MODES.contains(e.getValue().asText())) {
                diagnostics.error(doc.get().locate("/modes/" + e.getKey()), "mode '" + e.getKey() + "': expected staged or enforced");
            }
            modes.put(e.getKey(), e.getValue().asText());
        });
        return new PackManifest(clusters, modes);
    }

    /** True when the pack renders for this cluster. */
    public boolean appliesTo(String cluster) {
        return clusters.isEmpty() || clusters.contains(cluster);
    }

    /** The view the pack's templates see: {@code view} plus {@code modes}, read from the profile's values. */
    public Map<String, Object> view(Map<String, Object> view, ClusterProfile profile, Diagnostics diagnostics) {
        if (modes.isEmpty()) {
            return view;
        }
        Map<String, Object> values = profile.valuesMap();
        Map<String, Object> switches = new LinkedHashMap<>();
        modes.forEach((key, fallback) -> {
            Object set = values.get(key);
            String mode = set == null ? fallback : String.valueOf(set);
            // A bad default was reported at pack.yaml already; only the profile's own value is reported here.
            if (set != null && !MODES.contains(mode)) {
                diagnostics.error(profile.locate("/values/" + key), "values." + key + ": expected staged or enforced (got '" + mode + "')");
                mode = fallback;
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("staged", mode.equals("staged"));
            m.put("enforced", mode.equals("enforced"));
            switches.put(key, m);
        });
        Map<String, Object> copy = new LinkedHashMap<>(view);
        copy.put("modes", switches);
        return copy;
    }
}
