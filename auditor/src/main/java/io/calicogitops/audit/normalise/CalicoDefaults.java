package io.calicogitops.audit.normalise;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calicogitops.model.ResourceId;

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
        if (CalicoKinds.isTieredPolicy(id)) {
            ObjectNode spec = PolicyRules.spec(body);
            setIfAbsent(spec, "tier", "default");
            setTypesIfAbsent(spec, "types", id);
            for (String flag : List.of("doNotTrack", "preDNAT", "applyOnForward")) {
                if (spec.path(flag).isBoolean() && !spec.get(flag).booleanValue()) {
                    spec.remove(flag);
                }
            }
        }
        if (CalicoKinds.isCalico(id, "StagedKubernetesNetworkPolicy")) {
            setTypesIfAbsent(PolicyRules.spec(body), "policyTypes", id);
        }
        if (CalicoKinds.isStaged(id)) {
            setIfAbsent(PolicyRules.spec(body), "stagedAction", "Set");
        }
        if (CalicoKinds.isCalico(id, "Tier")) {
            setIfAbsent(PolicyRules.spec(body), "defaultAction", "Deny");
        }
        if (CalicoKinds.isCalico(id, "GlobalThreatFeed")) {
            ObjectNode spec = PolicyRules.spec(body);
            setIfAbsent(spec, "content", "IPSet");
            setIfAbsent(spec, "mode", "Enabled");
            setIfAbsent(spec, "feedType", "Custom");
        }
        if (CalicoKinds.isCalico(id, "FelixConfiguration") && !CalicoKinds.isPartiallyManaged(id)) {
            ObjectNode spec = PolicyRules.spec(body);
            setIfAbsent(spec, "nftablesMode", "Auto");
            setIfAbsent(spec, "nftablesFlowTableOffload", "Disabled");
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
