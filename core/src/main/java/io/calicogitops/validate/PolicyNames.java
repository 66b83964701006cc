package io.calicogitops.validate;

import com.fasterxml.jackson.databind.JsonNode;
import io.calicogitops.diag.Diagnostics;

/**
 * The policy name / tier rule of the target (calico-semantics §2): where {@link CalicoTarget#requiresTierPrefix()} a
 * policy in tier X must be named {@code X.<name>} and a dotted default-tier name must start with {@code default.}
 * ({@code names.ValidateTieredPolicyName}); OSS 3.32 ties no prefix to {@code spec.tier}.
 */
final class PolicyNames {

    private PolicyNames() {
    }

    static void check(JsonNode body, CalicoTarget target, Locator where, Diagnostics d) {
        if (!target.requiresTierPrefix()) {
            return;
        }
        JsonNode spec = body.path("spec");
        String name = body.path("metadata").path("name").asText();
        String tier = spec.path("tier").isTextual() && !spec.path("tier").asText().isEmpty() ? spec.path("tier").asText() : "default";
        if (!tier.equals("default") && !name.startsWith(tier + ".")) {
            d.error(where.at("/metadata/name"), "metadata.name: a policy in tier '" + tier + "' must be named '" + tier
                    + ".<name>' (got '" + name + "')" + onTarget(target),
                    "rename it to '" + tier + "." + name.substring(name.indexOf('.') + 1) + "'");
        } else if (tier.equals("default") && name.contains(".") && !name.startsWith("default.")) {
            d.error(where.at("/metadata/name"), "metadata.name: '" + name + "' names tier '" + name.substring(0, name.indexOf('.'))
                    + "' but spec.tier is default", "set spec.tier, or drop the prefix");
        }
    }

    /** Names the target only when a profile chose one, so the default target's messages stay as they were. */
    private static String onTarget(CalicoTarget target) {
        return target.equals(CalicoTarget.CLOUD) ? "" : " on " + target.label();
    }
}
