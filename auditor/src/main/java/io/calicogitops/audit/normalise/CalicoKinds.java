package io.calicogitops.audit.normalise;

import io.calicogitops.model.Kinds;
import io.calicogitops.model.ResourceId;

import java.util.Set;

/** Which normalisation rules apply to which projectcalico.org kinds. */
final class CalicoKinds {

    /** Kinds with {@code spec.tier}, {@code spec.types}, a Calico {@code selector} and Calico rules. */
    private static final Set<String> TIERED_POLICIES = Set.of(
            "NetworkPolicy", "GlobalNetworkPolicy", "StagedNetworkPolicy", "StagedGlobalNetworkPolicy");
    private static final Set<String> STAGED = Set.of(
            "StagedNetworkPolicy", "StagedGlobalNetworkPolicy", "StagedKubernetesNetworkPolicy");
    private static final Set<String> NETWORK_SETS = Set.of("NetworkSet", "GlobalNetworkSet");

    private CalicoKinds() {
    }

    static boolean isCalico(ResourceId id, String kind) {
        return Kinds.CALICO_GROUP.equals(id.group()) && kind.equals(id.kind());
    }

    static boolean isTieredPolicy(ResourceId id) {
        return Kinds.CALICO_GROUP.equals(id.group()) && TIERED_POLICIES.contains(id.kind());
    }

    static boolean isStaged(ResourceId id) {
        return Kinds.CALICO_GROUP.equals(id.group()) && STAGED.contains(id.kind());
    }

    static boolean isNetworkSet(ResourceId id) {
        return Kinds.CALICO_GROUP.equals(id.group()) && NETWORK_SETS.contains(id.kind());
    }

    /**
     * Objects the generator renders as partial intent for server-side apply: FelixConfiguration {@code default}
     * (the operator and users set many other fields), the operator.tigera.io kinds, and every kind outside the
     * projectcalico.org group (the API server adds clusterIP, defaults and so on). Only fields Git states are managed.
     */
    static boolean isPartiallyManaged(ResourceId id) {
        return !Kinds.CALICO_GROUP.equals(id.group()) || isCalico(id, "FelixConfiguration") && "default".equals(id.name());
    }
}
