package io.calicogitops.audit.live;

/**
 * Where a cluster serves the Calico kinds (calico-semantics §6): the v3 API (aggregated API server, or native v3
 * CRDs) or, without it, the {@code crd.projectcalico.org/v1} CRDs that the API server stores objects in.
 */
enum CalicoLayout {
    V3("projectcalico.org", "v3", "projectcalico.org/v3"),
    V1_CRD(V1Mapping.V1_GROUP, "v1", "crd.projectcalico.org/v1 (no Calico API server)"),
    NONE("", "", "no Calico API");

    private final String group;
    private final String version;
    private final String description;

    CalicoLayout(String group, String version, String description) {
        this.group = group;
        this.version = version;
        this.description = description;
    }

    String group() {
        return group;
    }

    String version() {
        return version;
    }

    /** How the snapshot's source names it: {@code projectcalico.org/v3}. */
    String description() {
        return description;
    }
}
