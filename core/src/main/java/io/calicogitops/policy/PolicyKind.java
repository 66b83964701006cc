package io.calicogitops.policy;

/** The policy kinds the evaluator knows, with the enforced kind a staged one stands in for. */
public enum PolicyKind {
    GLOBAL_NETWORK_POLICY("GlobalNetworkPolicy", false, "GlobalNetworkPolicy"),
    NETWORK_POLICY("NetworkPolicy", true, "NetworkPolicy"),
    KUBERNETES_NETWORK_POLICY("NetworkPolicy (networking.k8s.io)", true, "KubernetesNetworkPolicy");

    private final String display;
    private final boolean namespaced;
    private final String calicoKind;

    PolicyKind(String display, boolean namespaced, String calicoKind) {
        this.display = display;
        this.namespaced = namespaced;
        this.calicoKind = calicoKind;
    }

    /** The kind in Felix's policy key ({@code model.PolicyKey.Kind}), part of its equal-order tie-break. */
    public String calicoKind() {
        return calicoKind;
    }

    public String display() {
        return display;
    }

    public boolean namespaced() {
        return namespaced;
    }
}
