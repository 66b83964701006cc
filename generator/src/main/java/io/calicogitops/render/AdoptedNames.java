package io.calicogitops.render;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calicogitops.diag.Diagnostics;
import io.calicogitops.fleet.AdoptNames;
import io.calicogitops.fleet.ClusterProfile;
import io.calicogitops.model.Resource;
import io.calicogitops.model.ResourceId;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Applies a profile's {@code adoptNames}: the rendered object keeps the name it has live in this cluster, so that
 * bringing a hand-built cluster into Git needs no delete-and-create of its policies. Validation runs afterwards, on
 * the adopted name (a policy outside the default tier still needs its tier prefix where the target requires it).
 */
final class AdoptedNames {

    private AdoptedNames() {
    }

    static Map<ResourceId, RenderedResource> apply(ClusterProfile profile, Map<ResourceId, RenderedResource> resources,
                                                   Diagnostics diagnostics) {
        if (profile.adoptNames().isEmpty()) {
            return resources;
        }
        Set<String> used = new HashSet<>();
        Map<ResourceId, RenderedResource> out = new LinkedHashMap<>();
        for (Map.Entry<ResourceId, RenderedResource> e : resources.entrySet()) {
            ResourceId id = e.getKey();
            String key = AdoptNames.keyOf(id.kind(), id.namespace(), id.name());
            String adopted = profile.adoptNames().get(key);
            if (adopted == null) {
                out.put(id, e.getValue());
                continue;
            }
            used.add(key);
            RenderedResource r = e.getValue();
            ObjectNode body = r.resource().body().deepCopy();
            ((ObjectNode) body.with("metadata")).put("name", adopted);
            Resource renamed = Resource.of(body, r.resource().origin());
            out.put(renamed.id(), new RenderedResource(renamed, r.template(), r.patchedBy(), r.locate()));
        }
        for (String key : profile.adoptNames().keySet()) {
            if (!used.contains(key)) {
                diagnostics.error(profile.locate("/adoptNames/" + key.replace("~", "~0").replace("/", "~1")),
                        "adoptNames: " + key + " is not rendered for this cluster", "name an object a pack renders");
            }
        }
        return out;
    }
}
