package io.calicogitops.schema;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Which set of bundled CRD schemas documents are validated against: Calico Cloud/Enterprise (default) or Calico open source. */
public enum CrdFlavour {

    ENTERPRISE("Calico Enterprise/Cloud", List.of(
            // Enterprise serves projectcalico.org/v3 through its API server, backed by these v1 CRDs (same spec schema).
            new Source("projectcalico.org", "v3", "enterprise-crd.projectcalico.org-v1", "crd.projectcalico.org",
                    Source.ENTERPRISE_CALICO_KINDS),
            new Source("crd.projectcalico.org", "v1", "enterprise-crd.projectcalico.org-v1", "crd.projectcalico.org",
                    Source.ENTERPRISE_CALICO_KINDS),
            new Source("operator.tigera.io", "v1", "operator.tigera.io-v1", "operator.tigera.io",
                    Source.OPERATOR_KINDS))),

    OSS("Calico OSS", List.of(
            new Source("projectcalico.org", "v3", "projectcalico.org-v3-native", "projectcalico.org",
                    Source.OSS_CALICO_KINDS),
            new Source("crd.projectcalico.org", "v1", "crd.projectcalico.org-v1", "crd.projectcalico.org",
                    Source.OSS_CALICO_KINDS),
            // ApplicationLayer and IntrusionDetection are installed by the operator only for Enterprise.
            new Source("operator.tigera.io", "v1", "operator.tigera.io-v1", "operator.tigera.io",
                    List.of("Installation"))));

    /**
     * Where documents of one API group find their CRDs: {@code crds/<folder>/<crdGroup>_<plural>.yaml} on the classpath,
     * one file per kind. {@code apiVersion} is the version documents must use.
     */
    record Source(String apiGroup, String apiVersion, String folder, String crdGroup, List<String> kinds) {

        static final List<String> OSS_CALICO_KINDS = List.of("Tier", "NetworkPolicy", "GlobalNetworkPolicy",
                "StagedNetworkPolicy", "StagedGlobalNetworkPolicy", "StagedKubernetesNetworkPolicy", "NetworkSet",
                "GlobalNetworkSet", "FelixConfiguration");
        static final List<String> ENTERPRISE_CALICO_KINDS = List.of("Tier", "NetworkPolicy", "GlobalNetworkPolicy",
                "StagedNetworkPolicy", "StagedGlobalNetworkPolicy", "StagedKubernetesNetworkPolicy", "NetworkSet",
                "GlobalNetworkSet", "FelixConfiguration", "GlobalAlert", "GlobalReport", "GlobalReportType",
                "GlobalThreatFeed", "DeepPacketInspection",
                // The rest of tigera/operator pkg/imports/crds/enterprise (user-facing kinds; IPAM internals left out, and IPPool, whose
                // CEL rules use the Kubernetes cidr() library KubeCel does not provide).
                "AlertException", "BFDConfiguration", "BGPConfiguration", "BGPFilter", "BGPPeer", "CalicoNodeStatus",
                "ClusterInformation", "EgressGatewayPolicy", "ExternalNetwork", "GlobalAlertTemplate", "HostEndpoint",
                "IPReservation", "KubeControllersConfiguration", "LicenseKey", "ManagedCluster", "Network",
                "PacketCapture", "PolicyRecommendationScope", "RemoteClusterConfiguration", "SecurityEventWebhook",
                "UISettings", "UISettingsGroup");
        /** Every CRD of tigera/operator pkg/imports/crds/operator. */
        static final List<String> OPERATOR_KINDS = List.of("Installation", "ApplicationLayer", "IntrusionDetection",
                "APIServer", "Authentication", "EgressGateway", "GatewayAPI", "Goldmane", "ImageSet", "Istio",
                "LogCollector", "LogStorage", "ManagementCluster", "ManagementClusterConnection", "Manager", "Monitor",
                "NonClusterHost", "PacketCaptureAPI", "PolicyRecommendation", "Tenant", "TigeraStatus",
                "TLSPassThroughRoute", "TLSTerminatedRoute", "Whisker");

        Source {
            kinds = List.copyOf(kinds);
        }

        /** The classpath resource holding the CRD of {@code kind}. */
        String resource(String kind) {
            return "crds/" + folder + "/" + crdGroup + "_" + plural(kind) + ".yaml";
        }

        /** Kubernetes' default lower-case plural, which is what every bundled CRD uses. */
        static String plural(String kind) {
            String lower = kind.toLowerCase(Locale.ROOT);
            if (lower.endsWith("settings")) {
                return lower; // UISettings: the CRD declares plural uisettings
            }
            if (lower.endsWith("y") && "aeiou".indexOf(lower.charAt(lower.length() - 2)) < 0) {
                return lower.substring(0, lower.length() - 1) + "ies";
            }
            return lower.endsWith("s") ? lower + "es" : lower + "s";
        }
    }

    private final String label;
    private final List<Source> sources;

    CrdFlavour(String label, List<Source> sources) {
        this.label = label;
        this.sources = sources;
    }

    /** Human name used in diagnostics, e.g. {@code Calico OSS}. */
    public String label() {
        return label;
    }

    List<Source> sources() {
        return sources;
    }

    /** The source serving {@code group}, if this flavour ships CRDs for that API group. */
    Optional<Source> source(String group) {
        return sources.stream().filter(s -> s.apiGroup().equals(group)).findFirst();
    }
}
