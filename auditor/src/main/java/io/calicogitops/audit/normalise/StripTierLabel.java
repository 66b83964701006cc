package io.calicogitops.audit.normalise;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calicogitops.model.Kinds;
import io.calicogitops.model.ResourceId;

/** Removes the {@code projectcalico.org/tier} label that Calico adds to every policy. */
final class StripTierLabel implements NormaliseStep {

    static final String TIER_LABEL = io.calicogitops.model.ServerDefaults.TIER_LABEL;

    @Override
    public String name() {
        return "strip-tier-label";
    }

    @Override
    public String why() {
        return "Calico always sets the label projectcalico.org/tier to spec.tier on policies (v3.32 setTierLabel; "
                + "v3.31 added it for non-default tiers and 'default' on reads: calico-semantics §3.1, §3.3). It "
                + "repeats spec.tier, which is compared, so it is dropped on both sides whether Git states it or not.";
    }

    @Override
    public void apply(ObjectNode body, ResourceId id, Side side) {
        if (Kinds.isCalicoPolicy(id.group(), id.kind())
                && body.path("metadata").get("labels") instanceof ObjectNode labels) {
            labels.remove(TIER_LABEL);
        }
    }
}
