package io.calicogitops.render;

import io.calicogitops.model.Kinds;
import io.calicogitops.model.ResourceId;

import java.util.Optional;

/**
 * Which rendered objects a sync tool must apply before which: Tiers, then network sets, then policies. Calico's API
 * server refuses a policy whose Tier does not exist yet (clientv3 {@code Create} gets the Tier first), and neither sync
 * tool knows that on its own: Argo CD orders kinds it does not know by name only and files Calico's
 * {@code NetworkPolicy} in the slot of Kubernetes' {@code NetworkPolicy} (gitops-engine {@code sync_tasks.go} compares
 * the kind name, not the group), so a Tier named after its policies could sync last; Flux applies one batch after a
 * server-side dry run of every object, so one policy whose Tier is missing fails the whole batch, forever.
 * Argo CD therefore gets sync waves; Flux gets two Kustomizations, the second {@code dependsOn} the first.
 */
public final class SyncOrder {

    /** Argo CD's sync-wave annotation (lower waves are applied, and healthy, before higher ones; no annotation is 0). */
    public static final String ARGOCD_SYNC_WAVE = "argocd.argoproj.io/sync-wave";

    private SyncOrder() {
    }

    /**
     * The Argo CD wave of {@code id}: 1 for Tiers, 2 for network sets, 3 for policies (Calico's and Kubernetes'),
     * none for everything else, which stays in wave 0 and so comes first: Namespaces, RBAC and operator settings that
     * the policies never need to exist after.
     */
    public static Optional<String> wave(ResourceId id) {
        if (isTier(id)) {
            return Optional.of("1");
        }
        boolean calico = Kinds.CALICO_GROUP.equals(id.group());
        if (calico && (id.kind().equals("GlobalNetworkSet") || id.kind().equals("NetworkSet"))) {
            return Optional.of("2");
        }
        if (Kinds.isCalicoPolicy(id.group(), id.kind())
                || ("networking.k8s.io".equals(id.group()) && id.kind().equals("NetworkPolicy"))) {
            return Optional.of("3");
        }
        return Optional.empty();
    }

    /** True for the objects of Flux's first stage, the Kustomization the policies' Kustomization depends on. */
    public static boolean isTier(ResourceId id) {
        return Kinds.CALICO_GROUP.equals(id.group()) && id.kind().equals("Tier");
    }
}
