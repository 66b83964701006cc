package io.calicogitops.audit.normalise;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calicogitops.model.Kinds;
import io.calicogitops.model.ResourceId;
import io.calicogitops.model.ServerDefaults;

import java.util.List;

/** Fills in the values Calico defaults when a field is absent, so that "absent" and "the default" compare equal. */
final class CalicoDefaults implements NormaliseStep {

    @Override
    public String name() {
        return "calico-defaults";
    }

    @Override
    public String why() {
        return "The server stores defaults Git usually omits (calico-semantics §3.1): spec.tier default, inferred "
                + "types/policyTypes, Tier defaultAction Deny, stagedAction Set, GlobalThreatFeed content IPSet, mode "
                + "Enabled and feedType Custom, FelixConfiguration nftablesMode Auto and nftablesFlowTableOffload "
                + "Disabled; doNotTrack, preDNAT and applyOnForward are Go bools with omitempty, so false reads back as "
                + "absent. Defaults apply to both sides: on an object that already has the value they change nothing. "
                + "Partially-managed FelixConfiguration default is left alone: a default there would claim a field "
                + "Git does not state.";
    }

    @Override
    public void apply(ObjectNode body, ResourceId id, Side side) {
        if (!Kinds.CALICO_GROUP.equals(id.group())) {
            return;
        }
        // The fields and values come from the one table the generator's Argo CD ignoreDifferences also reads.
        boolean partial = CalicoKinds.isPartiallyManaged(id);
        for (ServerDefaults.Field f : ServerDefaults.of(id.kind())) {
            if (partial && !f.partial()) {
                continue;
            }
            ObjectNode spec = PolicyRules.spec(body);
            if (f.inferredTypes()) {
                setTypesIfAbsent(spec, f.field(), id);
            } else {
                setIfAbsent(spec, f.field(), f.value());
            }
        }
        if (CalicoKinds.isTieredPolicy(id)) {
            ObjectNode spec = PolicyRules.spec(body);
            for (String flag : List.of("doNotTrack", "preDNAT", "applyOnForward")) {
                if (spec.path(flag).isBoolean() && !spec.get(flag).booleanValue()) {
                    spec.remove(flag);
                }
            }
        }
    }

    private static void setIfAbsent(ObjectNode spec, String field, String value) {
        JsonNode current = spec.get(field);
        if (current == null || current.isNull() || current.isTextual() && current.asText().isEmpty()) {
            spec.put(field, value);
        }
    }

    private static void setTypesIfAbsent(ObjectNode spec, String field, ResourceId id) {
        if (!PolicyRules.hasItems(spec.get(field))) {
            ArrayNode types = spec.putArray(field);
            PolicyDefaults.inferTypes(id.kind(), spec).forEach(types::add);
        }
    }
}
