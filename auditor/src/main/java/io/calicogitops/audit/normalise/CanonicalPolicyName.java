package io.calicogitops.audit.normalise;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calicogitops.model.Kinds;
import io.calicogitops.model.ResourceId;

/** Writes a default-tier policy's name without the {@code default.} prefix. */
final class CanonicalPolicyName implements NormaliseStep {

    private static final String PREFIX = "default.";

    @Override
    public String name() {
        return "canonical-name";
    }

    @Override
    public String why() {
        return "In tier default, 'default.X' and 'X' name the same policy: before 3.30 the API server returned the name "
                + "without the prefix, kube-controllers 3.32 migrates 'default.X' to 'X', and v1 CRs keep the prefix "
                + "(calico-semantics §2, §6.1). ResourceId already pairs them; this makes the bodies equal too.";
    }

    @Override
    public void apply(ObjectNode body, ResourceId id, Side side) {
        if (!Kinds.isCalicoPolicy(id.group(), id.kind()) || !(body.get("metadata") instanceof ObjectNode meta)) {
            return;
        }
        String tier = body.path("spec").path("tier").asText("");
        String name = meta.path("name").asText("");
        if ((tier.isEmpty() || tier.equals("default")) && name.startsWith(PREFIX) && name.length() > PREFIX.length()) {
            meta.put("name", name.substring(PREFIX.length()));
        }
    }
}
