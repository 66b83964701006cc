package io.calicogitops.apply;

/** What apply does to one object. */
public enum ApplyAction {
    /** In Git, not in the cluster. */
    CREATE("create"),
    /** In both, with a difference the audit reports. */
    UPDATE("update"),
    /** In sync, but not yet stamped as managed by calico-gitops for this cluster: only the stamps are written. */
    ADOPT("adopt"),
    /** Stamped as managed for this cluster, no longer in Git (only with --prune). */
    DELETE("delete");

    private final String label;

    ApplyAction(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
