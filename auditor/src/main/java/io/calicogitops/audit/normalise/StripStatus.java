package io.calicogitops.audit.normalise;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calicogitops.model.ResourceId;

/** Removes the {@code status} block, which reports what a controller observed and is never intent. */
final class StripStatus implements NormaliseStep {

    @Override
    public String name() {
        return "strip-status";
    }

    @Override
    public String why() {
        return "status is written by controllers (Tier conditions, GlobalReport jobs, GlobalAlert health, "
                + "GlobalThreatFeed sync times, DeepPacketInspection nodes: calico-semantics §3.3), never by Git.";
    }

    @Override
    public void apply(ObjectNode body, ResourceId id, Side side) {
        body.remove("status");
    }
}
