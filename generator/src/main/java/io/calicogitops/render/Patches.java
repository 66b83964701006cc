package io.calicogitops.render;

import com.fasterxml.jackson.databind.JsonNode;
import io.calicogitops.diag.Diagnostics;
import io.calicogitops.model.Resource;
import io.calicogitops.model.ResourceId;
import io.calicogitops.yaml.YamlDocument;

import java.util.Map;
import java.util.Set;

/** Applies an overlay's patch document ({@code target} + RFC 7386 {@code merge}) to a resource a pack rendered. */
final class Patches {

    private Patches() {
    }

    static void apply(Overlay overlay, YamlDocument doc, Map<ResourceId, RenderedResource> resources, Diagnostics diagnostics) {
        JsonNode body = doc.body();
        var at = doc.locations().locate("");
        Set<String> allowed = Set.of("target", "merge");
        body.fieldNames().forEachRemaining(k -> {
            if (!allowed.contains(k)) {
                diagnostics.error(doc.locations().locateKey("/" + k), "patch: unknown key '" + k + "' (expected target, merge)");
            }
        });
        JsonNode target = body.path("target");
        JsonNode merge = body.get("merge");
        if (!target.path("kind").isTextual() || !target.path("name").isTextual() || merge == null || !merge.isObject()) {
            diagnostics.error(at, "patch of overlay '" + overlay.name() + "' needs target.kind, target.name and a merge mapping");
            return;
        }
        String kind = target.path("kind").asText();
        String name = target.path("name").asText();
        String ns = target.path("namespace").asText("");
        RenderedResource match = resources.values().stream()
                .filter(r -> r.resource().id().kind().equals(kind) && r.resource().id().namespace().equals(ns)
                        && (r.resource().id().name().equals(name) || r.resource().body().path("metadata").path("name").asText().equals(name))
                        && (!target.has("apiVersion") || r.resource().apiVersion().equals(target.path("apiVersion").asText())))
                .findFirst().orElse(null);
        if (match == null) {
            diagnostics.error(doc.locations().locate("/target"), "patch of overlay '" + overlay.name() + "': no rendered "
                    + kind + " '" + (ns.isEmpty() ? name : ns + "/" + name) + "' to patch",
                    "enable the pack that renders it, or add it as a resource of the overlay");
            return;
        }
        JsonNode patched = MergePatch.apply(match.resource().body(), merge);
        Resource r = Resource.of(patched, match.resource().origin());
        if (!r.id().equals(match.resource().id())) {
            diagnostics.error(doc.locations().locate("/merge"), "patch of overlay '" + overlay.name()
                    + "' must not change apiVersion, kind, name or namespace");
            return;
        }
        resources.put(r.id(), match.withPatch(r, overlay.name()));
    }
}
