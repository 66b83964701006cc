package io.calicogitops.audit.live;

/**
 * A requested kind as the cluster serves it, from API discovery: the group and version it is read from (for Calico
 * kinds possibly {@code crd.projectcalico.org/v1}), its plural resource name and whether it is namespaced.
 */
record ServedKind(KindKey key, String group, String version, String plural, boolean namespaced) {

    String apiVersion() {
        return group.isEmpty() ? version : group + "/" + version;
    }

    /** {@code globalnetworkpolicies.projectcalico.org/v3}, or {@code services (v1)} for the core group. */
    String display() {
        return group.isEmpty() ? plural + " (" + version + ")" : plural + "." + group + "/" + version;
    }
}
