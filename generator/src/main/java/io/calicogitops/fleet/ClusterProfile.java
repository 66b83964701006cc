package io.calicogitops.fleet;

import com.fasterxml.jackson.databind.JsonNode;
import io.calicogitops.diag.SourceLocation;
import io.calicogitops.validate.CalicoTarget;
import io.calicogitops.yaml.LocationIndex;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One cluster of the fleet, as its profile file declares it, with every default applied; {@code calico} is the Calico
 * it runs (Calico Cloud when the profile does not say).
 * The nested records mirror the profile's nested mappings (see docs/fleet-profile.md).
 */
public record ClusterProfile(
        String name,
        Provider provider,
        String cni,
        IpFamily ipFamily,
        boolean wireguard,
        boolean l7Logging,
        L7Mode l7Mode,
        List<String> packs,
        Logs logs,
        List<TierSpec> tiers,
        String quarantineLabel,
        DefaultDeny defaultDeny,
        Number kubeDnsOrder,
        DnsEgress dnsEgress,
        BlockedIps blockedIps,
        Pci pci,
        Segmentation segmentation,
        Evaluation evaluation,
        List<ThreatFeed> threatFeeds,
        Alerts alerts,
        Reports reports,
        Dpi dpi,
        L7 l7,
        Apps apps,
        Optional<ScheduledAudit> scheduledAudit,
        Optional<GitOps> gitops,
        String workloads,
        JsonNode values,
        CalicoTarget calico,
        SourceLocation origin,
        LocationIndex locations) {

    public ClusterProfile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(provider, "provider");
        packs = List.copyOf(packs);
        tiers = List.copyOf(tiers);
        threatFeeds = List.copyOf(threatFeeds);
        Objects.requireNonNull(scheduledAudit, "scheduledAudit");
        Objects.requireNonNull(gitops, "gitops");
        Objects.requireNonNull(calico, "calico");
    }

    /** Cloud provider: decides which overlays apply and which CNIs are possible. */
    public enum Provider { EKS, AKS }

    /** IP family of the pod network; WireGuard for pod traffic is IPv4 only. */
    public enum IpFamily { IPv4, IPv6, DualStack }

    /** How L7 logs are collected: the legacy per-node collector or the Envoy sidecar (compatible with WireGuard). */
    public enum L7Mode { daemonset, sidecar }

    /** FelixConfiguration flow/DNS/L7 log settings the workshops patch. */
    public record Logs(String flowFlushInterval, String dnsFlushInterval, String l7FlushInterval,
                       int flowAggregationForAllowed, int flowAggregationForDenied, int dnsAggregation,
                       boolean dnsFileEnabled, boolean tcpStats) {
    }

    /** A tier and its order. */
    public record TierSpec(String name, Number order) {
    }

    /** The global default-deny: namespaces in scope, staged or enforced, and its order. */
    public record DefaultDeny(List<String> namespaces, boolean staged, Number order) {
        public DefaultDeny {
            namespaces = List.copyOf(namespaces);
        }
    }

    /** DNS egress policy: which workload may reach which domains. */
    public record DnsEgress(String namespace, String workloadSelector, List<String> domains, boolean useNetworkSet,
                            Number order) {
        public DnsEgress {
            domains = List.copyOf(domains);
        }
    }

    /** Blocked source CIDRs and the workloads they are blocked from. */
    public record BlockedIps(List<String> cidrs, String selector, Number order) {
        public BlockedIps {
            cidrs = List.copyOf(cidrs);
        }
    }

    /** PCI microsegmentation: namespaces and the in-scope label key. */
    public record Pci(List<String> namespaces, String label, Number order) {
        public Pci {
            namespaces = List.copyOf(namespaces);
        }
    }

    /**
     * What {@code check segmentation} proves: no flow between workloads with {@code label == "true"} and the others
     * except {@code allowedFlows}. {@code label} null means the PCI label.
     */
    public record Segmentation(String label, List<AllowedFlow> allowedFlows) {
        public Segmentation {
            allowedFlows = List.copyOf(allowedFlows);
        }
    }

    /**
     * How the offline evaluator models this cluster: {@code sourcePorts} is the range clients take source ports from
     * (the nodes' {@code net.ipv4.ip_local_port_range}; Linux's default 32768-60999).
     */
    public record Evaluation(io.calicogitops.policy.SourcePorts sourcePorts) {
        public Evaluation {
            Objects.requireNonNull(sourcePorts, "sourcePorts");
        }
    }

    /** An explicit exception: flows from workloads matching {@code from} to {@code to} (selectors), protocol and port optional. */
    public record AllowedFlow(String from, String to, String protocol, Integer port, SourceLocation where) {
    }

    /** A pulled IP threat feed with the deny policy and alert that go with it. */
    public record ThreatFeed(String name, String url, String label, Number order) {
    }

    /** Alert settings shared by the alert packs. */
    public record Alerts(int severity, String period, String lookback, List<String> watchedDomains,
                         String lateralNamespace, String lateralLabel) {
        public Alerts {
            watchedDomains = List.copyOf(watchedDomains);
        }
    }

    /** Which GlobalReports run, on which schedule, over which namespaces. */
    public record Reports(String schedule, boolean inventory, boolean networkAccess, boolean policyAudit,
                          boolean cisBenchmark, List<String> namespaces) {
        public Reports {
            namespaces = List.copyOf(namespaces);
        }
    }

    /** Deep packet inspection target and the IntrusionDetection resources. */
    public record Dpi(String namespace, String selector, String cpuLimit, String memoryLimit, String cpuRequest,
                      String memoryRequest) {
    }

    /** L7 log collection settings and the Services annotated for it. */
    public record L7(List<ServiceRef> services, int logIntervalSeconds, int logRequestsPerInterval,
                     String policySyncPathPrefix) {
        public L7 {
            services = List.copyOf(services);
        }
    }

    /** A Service by namespace and name. */
    public record ServiceRef(String namespace, String name) {
    }

    /** The workshop application policy packs and their namespaces. */
    public record Apps(boolean devApp, boolean onlineBoutique, String devNamespace, String boutiqueNamespace) {
    }

    /**
     * The scheduled drift audit: a CronJob that clones {@code repoUrl} at {@code ref} with the credentials of the Secret
     * {@code gitSecret}, runs {@code calico-gitops audit --record --push}, with {@code webhookSecret} notifies, and with
     * {@code signKeySecret} signs each drift-log entry with the Ed25519 private key that Secret holds.
     */
    public record ScheduledAudit(String schedule, String image, String repoUrl, String ref, String gitSecret,
                                 Optional<String> webhookSecret, Optional<String> signKeySecret) {
        public ScheduledAudit {
            Objects.requireNonNull(webhookSecret, "webhookSecret");
            Objects.requireNonNull(signKeySecret, "signKeySecret");
        }
    }

    /**
     * Syncing by Argo CD or Flux: where the fleet repository is, and which of the two tools get a bootstrap object
     * pointing at {@code clusters/<name>}.
     */
    public record GitOps(String repoUrl, String revision, Optional<ArgoCd> argocd, Optional<Flux> flux) {
    }

    /** An Argo CD Application: its namespace and project, the destination cluster, automated sync or not. */
    public record ArgoCd(String namespace, String project, String server, String destinationName, boolean automated) {
    }

    /** A Flux Kustomization: its namespace, the GitRepository it reads, its interval. */
    public record Flux(String namespace, String sourceRef, String interval) {
    }

    /** Where a profile key (a JSON pointer such as {@code /wireguard}) is written, for diagnostics about this cluster. */
    public SourceLocation locate(String pointer) {
        return locations.locate(pointer);
    }

    /** Free-form values for user packs, as a plain map (never null). */
    public Map<String, Object> valuesMap() {
        return values == null || values.isNull() ? Map.of() : ViewValues.toPlain(values);
    }
}
