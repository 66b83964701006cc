package io.calicogitops.model;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The kinds the product knows: whether they are namespaced, where they go in apply order, and how their files are named.
 * Apply order follows Calico's dependencies: a Tier must exist before its policies (clientv3 Create checks it),
 * network sets before the policies that select them, then alerts, feeds and reports, then Felix and operator settings.
 */
public final class Kinds {

    public static final String CALICO_GROUP = "projectcalico.org";
    public static final String OPERATOR_GROUP = "operator.tigera.io";

    /** One known kind. {@code applyRank}: lower applies first. */
    public record Kind(String group, String kind, boolean namespaced, int applyRank, boolean policy) {
    }

    private static final List<Kind> KNOWN = List.of(
            new Kind("", "Namespace", false, 0, false),
            new Kind("", "ServiceAccount", true, 1, false),
            new Kind("rbac.authorization.k8s.io", "ClusterRole", false, 1, false),
            new Kind("rbac.authorization.k8s.io", "ClusterRoleBinding", false, 2, false),
            new Kind("rbac.authorization.k8s.io", "Role", true, 1, false),
            new Kind("rbac.authorization.k8s.io", "RoleBinding", true, 2, false),
            new Kind(CALICO_GROUP, "Tier", false, 10, false),
            new Kind(CALICO_GROUP, "GlobalNetworkSet", false, 20, false),
            new Kind(CALICO_GROUP, "NetworkSet", true, 20, false),
            new Kind(CALICO_GROUP, "GlobalNetworkPolicy", false, 30, true),
            new Kind(CALICO_GROUP, "NetworkPolicy", true, 30, true),
            new Kind(CALICO_GROUP, "StagedGlobalNetworkPolicy", false, 30, true),
            new Kind(CALICO_GROUP, "StagedNetworkPolicy", true, 30, true),
            new Kind(CALICO_GROUP, "StagedKubernetesNetworkPolicy", true, 30, true),
            new Kind("networking.k8s.io", "NetworkPolicy", true, 30, false),
            new Kind(CALICO_GROUP, "GlobalThreatFeed", false, 40, false),
            new Kind(CALICO_GROUP, "GlobalAlert", false, 40, false),
            new Kind(CALICO_GROUP, "GlobalReport", false, 40, false),
            new Kind(CALICO_GROUP, "DeepPacketInspection", true, 40, false),
            new Kind(CALICO_GROUP, "FelixConfiguration", false, 50, false),
            new Kind(OPERATOR_GROUP, "Installation", false, 50, false),
            new Kind(OPERATOR_GROUP, "ApplicationLayer", false, 50, false),
            new Kind(OPERATOR_GROUP, "IntrusionDetection", false, 50, false),
            new Kind("", "Service", true, 60, false),
            new Kind("monitoring.coreos.com", "ServiceMonitor", true, 60, false),
            new Kind("batch", "CronJob", true, 60, false),
            // The watch form of the drift audit (scheduledAudit.watch) is a Deployment; the honeypods pack's decoys and the ExternalSecret that makes their pull secret before they start.
            new Kind("external-secrets.io", "ExternalSecret", true, 3, false),
            new Kind("apps", "DaemonSet", true, 60, false),
            new Kind("apps", "Deployment", true, 60, false));

    /** Group and kind, the key {@link #find} looks up. */
    private record Key(String group, String kind) {
    }

    // find runs in every sort comparison of a cluster's files (apply order) and several times per audited object: a map,
    // not a scan of the list (the scan was 3% of an audit).
    private static final Map<Key, Kind> BY_KEY = KNOWN.stream()
            .collect(Collectors.toUnmodifiableMap(k -> new Key(k.group(), k.kind()), k -> k));

    private Kinds() {
    }

    public static Optional<Kind> find(String group, String kind) {
        String g = "crd.projectcalico.org".equals(group) ? CALICO_GROUP : group;
        return Optional.ofNullable(BY_KEY.get(new Key(g, kind)));
    }

    public static List<Kind> all() {
        return KNOWN;
    }

    /** True for a core {@code v1 Secret}, whose values the tool compares but never shows (auditor's {@code Secrets}). */
    public static boolean isSecret(ResourceId id) {
        return id != null && id.group().isEmpty() && "Secret".equals(id.kind());
    }

    /** True for the Calico policy kinds, whose names carry the tier prefix rule. */
    public static boolean isCalicoPolicy(String group, String kind) {
        return find(group, kind).map(Kind::policy).orElse(false);
    }

    /**
     * Objects rendered as partial intent onto objects someone else owns: FelixConfiguration {@code default}, the
     * operator.tigera.io singletons (deleting Installation {@code default} uninstalls Calico) and Services that only
     * carry an annotation (the application owns the Service). A sync tool must apply them server-side and never
     * prune them.
     */
    public static boolean isPartialIntent(ResourceId id, com.fasterxml.jackson.databind.JsonNode body) {
        if (id.group().equals(OPERATOR_GROUP)) {
            return true;
        }
        if (id.group().equals(CALICO_GROUP) && id.kind().equals("FelixConfiguration")) {
            return id.name().equals("default");
        }
        return id.group().isEmpty() && id.kind().equals("Service") && !body.has("spec");
    }

    public static int applyRank(ResourceId id) {
        return find(id.group(), id.kind()).map(Kind::applyRank).orElse(100);
    }

    /**
     * The stable file name of a resource in a cluster folder: lower-case kind (plus the group for kinds outside the
     * Calico and core groups, so two NetworkPolicy kinds never collide), a dash, then {@code namespace.name} or
     * {@code name}. Namespaces hold no dots, so the name is unambiguous.
     */
    public static String fileName(ResourceId id) {
        String prefix = id.kind().toLowerCase(Locale.ROOT);
        if (!id.group().isEmpty() && !id.group().equals(CALICO_GROUP)) {
            prefix = prefix + "." + id.group();
        }
        String name = id.isNamespaced() ? id.namespace() + "." + id.name() : id.name();
        return prefix + "-" + name + ".yaml";
    }
}
