package io.calicogitops.fleet;

import com.fasterxml.jackson.databind.JsonNode;
import io.calicogitops.diag.SourceLocation;
import io.calicogitops.model.RepoLayout;
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
        Optional<Honeypods> honeypods,
        Optional<ScheduledAudit> scheduledAudit,
        Optional<GitOps> gitops,
        String workloads,
        JsonNode values,
        Map<String, String> adoptNames,
        CalicoTarget calico,
        RepoLayout.Style layout,
        SourceLocation origin,
        LocationIndex locations) {

    /** Workloads labelled {@code quarantine="true"} (unless the profile names another key) are logged and denied. */
    public static final String DEFAULT_QUARANTINE_LABEL = "quarantine";
    /** The kube-dns allow policy's order: early, so that no later deny cuts DNS. */
    public static final Number DEFAULT_KUBE_DNS_ORDER = 50;

    public ClusterProfile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(provider, "provider");
        packs = List.copyOf(packs);
        tiers = List.copyOf(tiers);
        threatFeeds = List.copyOf(threatFeeds);
        adoptNames = adoptNames == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(adoptNames));
        Objects.requireNonNull(honeypods, "honeypods");
        Objects.requireNonNull(scheduledAudit, "scheduledAudit");
        Objects.requireNonNull(gitops, "gitops");
        Objects.requireNonNull(calico, "calico");
        Objects.requireNonNull(layout, "layout");
    }

    /** The folder this cluster is rendered to ({@link RepoLayout}): {@code clusters/<name>/calico} unless the profile says otherwise. */
    public String folder() {
        return RepoLayout.folder(name, layout);
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
        /** Calico's own FelixConfiguration defaults, what the cluster does when the profile says nothing. */
        public static final Logs DEFAULTS = new Logs("5m0s", "5m0s", "5m0s", 2, 1, 1, false, false);

    }

    /** A tier and its order. */
    public record TierSpec(String name, Number order) {
        /** The tiers rendered when the profile lists none. */
        public static final List<TierSpec> DEFAULTS = List.of(
                new TierSpec("quarantine", 200), new TierSpec("platform", 300), new TierSpec("security", 400));

    }

    /** The global default-deny: namespaces in scope, staged or enforced, and its order. */
    public record DefaultDeny(List<String> namespaces, boolean staged, Number order) {
        /** Staged (reported, not enforced, as Calico's staged policies are) over namespace default. */
        public static final DefaultDeny DEFAULTS = new DefaultDeny(List.of("default"), true, 2000);

        public DefaultDeny {
            namespaces = List.copyOf(namespaces);
        }
    }

    /** DNS egress policy: which workload may reach which domains. */
    public record DnsEgress(String namespace, String workloadSelector, List<String> domains, boolean useNetworkSet,
                            Number order) {
        /** No domains: renders nothing until domains are listed. */
        public static final DnsEgress DEFAULTS = new DnsEgress("default", "all()", List.of(), false, 100);

        public DnsEgress {
            domains = List.copyOf(domains);
        }
    }

    /** Blocked source CIDRs and the workloads they are blocked from. */
    public record BlockedIps(List<String> cidrs, String selector, Number order) {
        /** No CIDRs: renders nothing until some are listed. */
        public static final BlockedIps DEFAULTS = new BlockedIps(List.of(), "all()", 300);

        public BlockedIps {
            cidrs = List.copyOf(cidrs);
        }
    }

    /** PCI microsegmentation: namespaces and the in-scope label key. */
    public record Pci(List<String> namespaces, String label, Number order) {
        /** No namespace in scope; the label key the workshops use. */
        public static final Pci DEFAULTS = new Pci(List.of(), "PCI", 100);

        public Pci {
            namespaces = List.copyOf(namespaces);
        }
    }

    /**
     * What {@code check segmentation} proves: no flow between workloads with {@code label == "true"} and the others
     * except {@code allowedFlows}. {@code label} null means the PCI label.
     */
    public record Segmentation(String label, List<AllowedFlow> allowedFlows) {
        /** The PCI label, no exception. */
        public static final Segmentation DEFAULTS = new Segmentation(null, List.of());

        public Segmentation {
            allowedFlows = List.copyOf(allowedFlows);
        }
    }

    /**
     * How the offline evaluator models this cluster: {@code sourcePorts} is the range clients take source ports from
     * (the nodes' {@code net.ipv4.ip_local_port_range}; Linux's default 32768-60999).
     */
    public record Evaluation(io.calicogitops.policy.SourcePorts sourcePorts) {
        /** Clients' source ports: Linux's default {@code net.ipv4.ip_local_port_range}, what the nodes use unless tuned. */
        public static final Evaluation DEFAULTS = new Evaluation(io.calicogitops.policy.SourcePorts.LINUX_EPHEMERAL);

        public Evaluation {
            Objects.requireNonNull(sourcePorts, "sourcePorts");
        }
    }

    /** An explicit exception: flows from workloads matching {@code from} to {@code to} (selectors), protocol and port optional. */
    public record AllowedFlow(String from, String to, String protocol, Integer port, SourceLocation where) {
    }

    /** A pulled IP threat feed with the deny policy and alert that go with it. */
    public record ThreatFeed(String name, String url, String label, Number order) {
        /** The deny policy's order when the feed names none; its label defaults to the feed's name. */
        public static final Number DEFAULT_ORDER = 200;
    }

    /** Alert settings shared by the alert packs. */
    public record Alerts(int severity, String period, String lookback, List<String> watchedDomains,
                         String lateralNamespace, String lateralLabel) {
        /** Calico's alert defaults; no lateral-movement alert. */
        public static final Alerts DEFAULTS = new Alerts(100, "1m", "1m", List.of(), null, null);
        /** The lateral-movement alert's label when its block names none. */
        public static final String DEFAULT_LATERAL_LABEL = "security=strict";

        public Alerts {
            watchedDomains = List.copyOf(watchedDomains);
        }
    }

    /** Which GlobalReports run, on which schedule, over which namespaces. */
    public record Reports(String schedule, boolean inventory, boolean networkAccess, boolean policyAudit,
                          boolean cisBenchmark, List<String> namespaces) {
        /** Every report, daily at midnight, over the whole cluster. */
        public static final Reports DEFAULTS = new Reports("0 0 * * *", true, true, true, true, List.of());

        public Reports {
            namespaces = List.copyOf(namespaces);
        }
    }

    /** Deep packet inspection target and the IntrusionDetection resources. */
    public record Dpi(String namespace, String selector, String cpuLimit, String memoryLimit, String cpuRequest,
                      String memoryRequest) {
        /** No namespace (nothing inspected); the resources of Calico's DPI examples. */
        public static final Dpi DEFAULTS = new Dpi(null, "all()", "1", "1Gi", "100m", "100Mi");
    }

    /** L7 log collection settings and the Services annotated for it. */
    public record L7(List<ServiceRef> services, int logIntervalSeconds, int logRequestsPerInterval,
                     String policySyncPathPrefix) {
        /** No Service annotated; the L7 collector's own defaults. */
        public static final L7 DEFAULTS = new L7(List.of(), 5, -1, "/var/run/nodeagent");

        public L7 {
            services = List.copyOf(services);
        }
    }

    /** A Service by namespace and name. */
    public record ServiceRef(String namespace, String name) {
    }

    /** The workshop application policy packs and their namespaces. */
    public record Apps(boolean devApp, boolean onlineBoutique, String devNamespace, String boutiqueNamespace) {
        /** No application pack; the workshops' namespaces. */
        public static final Apps DEFAULTS = new Apps(false, false, "dev", "default");
    }

    /**
     * The scheduled drift audit: a CronJob that clones {@code repoUrl} at {@code ref} with the credentials of the Secret
     * {@code gitSecret}, runs {@code calico-gitops audit --record --push}, with {@code webhookSecret} notifies, and with
     * {@code signKeySecret} signs each drift-log entry with the Ed25519 private key that Secret holds.
     */
    public record ScheduledAudit(String schedule, String image, String repoUrl, String ref, String gitSecret,
                                 Optional<String> webhookSecret, Optional<String> signKeySecret, Optional<Watch> watch) {
        /** Hourly, on the hour; ref falls back to gitops.revision, then {@link GitOps#DEFAULT_REVISION}. */
        public static final String DEFAULT_SCHEDULE = "0 * * * *";

        public ScheduledAudit {
            Objects.requireNonNull(webhookSecret, "webhookSecret");
            Objects.requireNonNull(signKeySecret, "signKeySecret");
            Objects.requireNonNull(watch, "watch");
        }

        /** Without the watch Deployment (the CronJob form). */
        public ScheduledAudit(String schedule, String image, String repoUrl, String ref, String gitSecret,
                              Optional<String> webhookSecret, Optional<String> signKeySecret) {
            this(schedule, image, repoUrl, ref, gitSecret, webhookSecret, signKeySecret, Optional.empty());
        }
    }

    /**
     * {@code scheduledAudit.watch}: instead of the CronJob, a Deployment runs {@code audit --watch} every {@code interval},
     * serving Prometheus metrics and its readiness on {@code metricsPort} behind a Service, with a Prometheus Operator
     * ServiceMonitor when {@code serviceMonitor}.
     */
    public record Watch(String interval, int metricsPort, boolean serviceMonitor) {
        /** Every 10 minutes, port 9090 (Prometheus' conventional metrics port), with a ServiceMonitor. */
        public static final Watch DEFAULTS = new Watch("10m", 9090, true);
    }

    /**
     * Syncing by Argo CD or Flux: where the fleet repository is, and which of the two tools get a bootstrap object
     * pointing at {@code clusters/<name>}.
     */
    public record GitOps(String repoUrl, String revision, Optional<ArgoCd> argocd, Optional<Flux> flux) {
        /** The branch synced when the profile names none. */
        public static final String DEFAULT_REVISION = "main";
    }

    /** An Argo CD Application: its namespace and project, the destination cluster, automated sync or not. */
    public record ArgoCd(String namespace, String project, String server, String destinationName, boolean automated) {
        /** Argo CD's own namespace and project, the cluster it runs in, automated sync. */
        public static final ArgoCd DEFAULTS = new ArgoCd("argocd", "default", "https://kubernetes.default.svc", null, true);
    }

    /**
     * Flux Kustomizations: their namespace, the GitRepository they read, their interval. A {@code sourceRef} other than
     * the bootstrap repository's ({@code flux-system}) names a GitRepository the generator renders for
     * {@code gitops.repoUrl}, reading Git with the credentials of the Secret {@code sourceSecret} when one is named.
     */
    public record Flux(String namespace, String sourceRef, String interval, Optional<String> sourceSecret) {
        /** The namespace and GitRepository that {@code flux bootstrap} makes, Flux's usual 10m interval. */
        public static final Flux DEFAULTS = new Flux("flux-system", "flux-system", "10m", Optional.empty());

        public Flux {
            Objects.requireNonNull(sourceSecret, "sourceSecret");
        }

        /** True when the Kustomizations read the repository {@code flux bootstrap} made, so no GitRepository is rendered. */
        public boolean bootstrapSource() {
            return DEFAULTS.sourceRef().equals(sourceRef);
        }
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
