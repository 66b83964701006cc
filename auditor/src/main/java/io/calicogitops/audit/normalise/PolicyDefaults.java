package io.calicogitops.audit.normalise;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/** Calico's defaulting of policy types (calico-semantics §3.1), shared by normalisation and anything that needs it. */
public final class PolicyDefaults {

    private PolicyDefaults() {
    }

    /**
     * The {@code types} (or, for StagedKubernetesNetworkPolicy, {@code policyTypes}) Calico stores when the field is
     * empty, given the policy's {@code spec}: for Calico policies, egress rules without ingress rules give
     * [Egress], both give [Ingress, Egress], anything else [Ingress]; for StagedKubernetesNetworkPolicy, egress rules
     * give [Ingress, Egress], none [Ingress]. A rule list counts as present only when it is non-empty.
     */
    public static List<String> inferTypes(String kind, JsonNode spec) {
        boolean ingress = PolicyRules.hasItems(spec.get("ingress"));
        boolean egress = PolicyRules.hasItems(spec.get("egress"));
        if ("StagedKubernetesNetworkPolicy".equals(kind)) {
            return egress ? List.of("Ingress", "Egress") : List.of("Ingress");
        }
        if (egress && !ingress) {
            return List.of("Egress");
        }
        return egress ? List.of("Ingress", "Egress") : List.of("Ingress");
    }
}
