package io.calicogitops.policy;

import java.util.List;

/** The answer for one flow: allowed only when egress at the source and ingress at the destination both allow. */
public record Verdict(Flow flow, Decision egress, Decision ingress) {

    public boolean allowed() {
        return egress.allows() && ingress.allows();
    }

    /** The decision that denied (egress first when both do), or both ends when allowed. */
    public List<Decision> deciding() {
        if (!egress.allows()) {
            return List.of(egress);
        }
        if (!ingress.allows()) {
            return List.of(ingress);
        }
        return List.of(egress, ingress);
    }

    public String word() {
        return allowed() ? "allow" : "deny";
    }
}
