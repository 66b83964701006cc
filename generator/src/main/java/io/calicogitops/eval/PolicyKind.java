package io.calicogitops.eval;

/** The policy kinds the evaluator knows, with the enforced kind a staged one stands in for. */
public enum PolicyKind {
    GLOBAL_NETWORK_POLICY("GlobalNetworkPolicy", false),
    NETWORK_POLICY("NetworkPolicy", true),
    KUBERNETES_NETWORK_POLICY("NetworkPolicy (networking.k8s.io)", true);

    private final String display;
    private final boolean namespaced;

    PolicyKind(String display, boolean namespaced) {
        this.display = display;
        this.namespaced = namespaced;
    }

    public String display() {
        return display;
    }

    public boolean namespaced() {
        return namespaced;
    }
}
