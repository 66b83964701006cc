package io.calicogitops.audit;

import io.calicogitops.model.Kinds;
import io.calicogitops.model.Resource;
import io.calicogitops.model.ResourceId;
import io.calicogitops.validate.CalicoTarget;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Keys policies by the name exactly as written where the target does not pair {@code default.X} with {@code X}
 * ({@link CalicoTarget#pairsDefaultPrefix()}): Calico 3.30 and 3.31 return names as created (3.30 release notes,
 * "Default tier policy naming changes"), so a live {@code X} beside a desired {@code default.X} is another object.
 * Elsewhere the {@link ResourceId} rule (the prefix dropped) stands.
 */
final class ExactPolicyNames {

    private ExactPolicyNames() {
    }

    static Resource keyed(CalicoTarget target, Resource r) {
        if (target.pairsDefaultPrefix() || !Kinds.isCalicoPolicy(r.id().group(), r.id().kind())) {
            return r;
        }
        String written = r.body().path("metadata").path("name").asText(r.id().name());
        if (written.equals(r.id().name())) {
            return r;
        }
        ResourceId exact = new ResourceId(r.id().group(), r.id().kind(), r.id().namespace(), written);
        return new Resource(exact, r.body(), r.origin());
    }

    static DesiredState keyed(DesiredState desired) {
        if (desired.target().pairsDefaultPrefix()) {
            return desired;
        }
        Map<ResourceId, Resource> resources = new LinkedHashMap<>();
        Map<ResourceId, io.calicogitops.validate.Locator> locations = new LinkedHashMap<>();
        desired.resources().forEach((id, r) -> {
            Resource keyed = keyed(desired.target(), r);
            resources.put(keyed.id(), keyed);
            if (desired.locations().containsKey(id)) {
                locations.put(keyed.id(), desired.locations().get(id));
            }
        });
        return new DesiredState(desired.commit(), resources, locations, desired.target());
    }
}
