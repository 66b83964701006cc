package io.calicogitops.flows;

import java.util.List;

/**
 * The policy recommended for one namespace: a staged policy selecting the namespace's workloads, with the ingress
 * and egress rules the unprotected observed traffic needs, in Calico's Policy Recommender order.
 */
public record RecommendedPolicy(String namespace, String name, String modeKey, String tier, int order,
                                List<RecommendedRule> ingress, List<RecommendedRule> egress) {

    public RecommendedPolicy {
        ingress = List.copyOf(ingress);
        egress = List.copyOf(egress);
    }

    /** The directions that have rules, as {@code spec.types} lists them. */
    public List<String> types() {
        List<String> t = new java.util.ArrayList<>();
        if (!ingress.isEmpty()) {
            t.add("Ingress");
        }
        if (!egress.isEmpty()) {
            t.add("Egress");
        }
        return t;
    }
}
