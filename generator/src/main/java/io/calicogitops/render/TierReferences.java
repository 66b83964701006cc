package io.calicogitops.render;

import com.fasterxml.jackson.databind.JsonNode;
import io.calicogitops.diag.Diagnostics;
import io.calicogitops.diag.Suggestions;
import io.calicogitops.fleet.ClusterProfile;
import io.calicogitops.model.Kinds;
import io.calicogitops.model.Resource;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Tier names misspelt in the profile's {@code tiers:} list. The packs place their policies in fixed tiers
 * ({@code security}, {@code platform}, ...); a profile tier {@code secuirty} leaves them in a tier that does not exist,
 * which the manifest check reports once per policy, at template lines the user did not write. When a tier the
 * policies need is missing and a tier the profile writes, used by no policy, is a near miss of it (the same edit
 * distance as every other did-you-mean here), the mistake is that profile line: it is reported there, once, and the
 * caller drops the per-policy "tier does not exist" errors of that tier.
 */
final class TierReferences {

    private TierReferences() {
    }

    /** Reports each misspelt profile tier at its {@code tiers[i].name}; returns the tiers whose errors it explains. */
    static Set<String> check(ClusterProfile profile, Collection<Resource> resources, Diagnostics diagnostics) {
        Set<String> rendered = new HashSet<>();
        Map<String, List<String>> policiesByTier = new TreeMap<>();
        for (Resource r : resources) {
            if (!Kinds.CALICO_GROUP.equals(r.id().group())) {
                continue;
            }
            if (r.id().kind().equals("Tier")) {
                rendered.add(r.id().name());
            } else if (Kinds.isCalicoPolicy(r.id().group(), r.id().kind())
                    && !r.id().kind().equals("StagedKubernetesNetworkPolicy")) {
                JsonNode tier = r.body().path("spec").path("tier");
                String name = tier.isTextual() && !tier.asText().isEmpty() ? tier.asText() : "default";
                policiesByTier.computeIfAbsent(name, k -> new ArrayList<>()).add(r.id().name());
            }
        }
        Set<String> unused = new TreeSet<>();
        for (ClusterProfile.TierSpec t : profile.tiers()) {
            if (!policiesByTier.containsKey(t.name())) {
                unused.add(t.name());
            }
        }
        Set<String> explained = new HashSet<>();
        for (Map.Entry<String, List<String>> e : policiesByTier.entrySet()) {
            String needed = e.getKey();
            if (rendered.contains(needed) || profile.calico().existingTiers().contains(needed)) {
                continue;
            }
            List<String> near = Suggestions.closest(needed, unused, 1);
            int index = near.isEmpty() ? -1 : indexOf(profile, near.get(0));
            // Only a tier the user wrote can be the typo: the defaults are spelt right.
            String pointer = "/tiers/" + index + "/name";
            if (index < 0 || !profile.locations().contains(pointer)) {
                continue;
            }
            unused.remove(near.get(0));
            explained.add(needed);
            List<String> names = e.getValue().stream().sorted().toList();
            diagnostics.error(profile.locate(pointer), "tiers[" + index + "].name: tier '" + near.get(0)
                    + "' holds no policy, while " + (names.size() == 1 ? "policy " : "policies ")
                    + Suggestions.join(names, " and ") + (names.size() == 1 ? " is" : " are") + " in tier '" + needed
                    + "', which is not defined", "did you mean '" + needed + "'?");
        }
        return explained;
    }

    private static int indexOf(ClusterProfile profile, String tier) {
        for (int i = 0; i < profile.tiers().size(); i++) {
            if (profile.tiers().get(i).name().equals(tier)) {
                return i;
            }
        }
        return -1;
    }
}
