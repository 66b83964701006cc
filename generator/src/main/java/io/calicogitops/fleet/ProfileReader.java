package io.calicogitops.fleet;

import io.calicogitops.yaml.MappingReader;
import com.fasterxml.jackson.databind.JsonNode;
import io.calicogitops.diag.Diagnostics;
import io.calicogitops.fleet.ClusterProfile.Alerts;
import io.calicogitops.fleet.ClusterProfile.Apps;
import io.calicogitops.fleet.ClusterProfile.BlockedIps;
import io.calicogitops.fleet.ClusterProfile.DefaultDeny;
import io.calicogitops.fleet.ClusterProfile.DnsEgress;
import io.calicogitops.fleet.ClusterProfile.Evaluation;
import io.calicogitops.policy.SourcePorts;
import io.calicogitops.fleet.ClusterProfile.Dpi;
import io.calicogitops.fleet.ClusterProfile.L7;
import io.calicogitops.fleet.ClusterProfile.Logs;
import io.calicogitops.fleet.ClusterProfile.AllowedFlow;
import io.calicogitops.fleet.ClusterProfile.Pci;
import io.calicogitops.fleet.ClusterProfile.Segmentation;
import io.calicogitops.fleet.ClusterProfile.Reports;
import io.calicogitops.fleet.ClusterProfile.ServiceRef;
import io.calicogitops.fleet.ClusterProfile.ThreatFeed;
import io.calicogitops.fleet.ClusterProfile.TierSpec;
import io.calicogitops.yaml.YamlDocument;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Turns one profile document into a {@link ClusterProfile}, applying defaults and reporting every problem with its location. */
final class ProfileReader {

    static final List<TierSpec> DEFAULT_TIERS = List.of(
            new TierSpec("quarantine", 200), new TierSpec("platform", 300), new TierSpec("security", 400));

    /** Clients' source ports: Linux's default {@code net.ipv4.ip_local_port_range}, what the nodes use unless tuned. */
    static final Evaluation DEFAULT_EVALUATION = new Evaluation(SourcePorts.LINUX_EPHEMERAL);

    private static final Set<String> TOP = Set.of("name", "provider", "cni", "ipFamily", "wireguard", "l7Logging",
            "l7Mode", "packs", "logs", "tiers", "quarantine", "defaultDeny", "kubeDns", "dnsEgress", "blockedIps", "pci",
            "segmentation", "evaluation", "threatFeeds", "alerts", "reports", "dpi", "l7", "apps", "scheduledAudit", "gitops",
            "workloads", "values", "calico");

    private final ValueChecks checks;

    private ProfileReader(ValueChecks checks) {
        this.checks = checks;
    }

    /**
     * Reads the profile, best effort: a value found wrong is reported in {@code diagnostics} and replaced by its default,
     * so the later stages can still report their own problems in the same run (like a compiler that goes on after the
     * first error). Empty only when the profile is too broken to render at all (no usable name, provider or CNI).
     */
    static Optional<ClusterProfile> read(YamlDocument doc, Diagnostics diagnostics) {
        JsonNode body = doc.body();
        MappingReader r = MappingReader.root(body, doc.locations(), diagnostics);
        if (!body.isObject()) {
            diagnostics.error(r.here(), "a cluster profile must be a mapping, got " + MappingReader.describe(body));
            return Optional.empty();
        }
        ProfileReader reader = new ProfileReader(new ValueChecks(r));
        return Optional.ofNullable(reader.profile(r));
    }

    private ClusterProfile profile(MappingReader r) {
        r.rejectUnknownKeys(TOP);
        String name = r.string("name", null);
        if (name == null) {
            r.diagnostics().error(r.here(), "name: required", "every profile names its cluster, e.g. 'name: eks-prod'");
        } else if (!checks.label(r, "name", name)) {
            name = null; // it names the output folder: a wrong one makes every later stage meaningless
        }
        String providerText = r.oneOf("provider", null, List.of("EKS", "AKS"));
        if (!r.has("provider")) {
            r.diagnostics().error(r.here(), "provider: required (EKS or AKS)");
        }
        ClusterProfile.Provider provider = providerText == null ? null : ClusterProfile.Provider.valueOf(providerText);
        String cni = r.string("cni", null);
        if (!r.has("cni")) {
            r.diagnostics().error(r.here(), "cni: required (EKS: aws-vpc or calico; AKS: azure)");
        } else if (provider != null) {
            List<String> allowed = provider == ClusterProfile.Provider.EKS ? List.of("aws-vpc", "calico") : List.of("azure");
            if (!allowed.contains(cni)) {
                r.error("cni", "'" + cni + "' is not a CNI for " + provider + " (expected " + MappingReader.orList(allowed) + ")");
                cni = null;
            }
        }
        var ipFamily = ClusterProfile.IpFamily.valueOf(r.oneOf("ipFamily", "IPv4", List.of("IPv4", "IPv6", "DualStack")));
        boolean wireguard = r.bool("wireguard", false);
        boolean l7Logging = r.bool("l7Logging", false);
        var l7Mode = ClusterProfile.L7Mode.valueOf(r.oneOf("l7Mode", "daemonset", List.of("daemonset", "sidecar")));
        List<String> packs = r.strings("packs", List.of());
        if (r.has("packs") && packs.isEmpty()) {
            r.error("packs", "must list at least one pack (leave the key out to render every pack)");
        }
        PlatformRules.check(r, provider, ipFamily, wireguard);

        Logs logs = r.object("logs").map(this::logs).orElse(logs(null));
        List<TierSpec> tiers = r.has("tiers") ? r.objects("tiers", DEFAULT_TIERS, this::tier) : DEFAULT_TIERS;
        checks.uniqueNames(r, "tiers", tiers.stream().map(TierSpec::name).toList());
        String quarantineLabel = r.object("quarantine").map(q -> {
            q.rejectUnknownKeys(Set.of("label"));
            return checks.labelKey(q, "label", q.string("label", "quarantine"), "quarantine");
        }).orElse("quarantine");
        DefaultDeny defaultDeny = r.object("defaultDeny").map(this::defaultDeny).orElse(defaultDeny(null));
        Number kubeDnsOrder = r.object("kubeDns").map(k -> {
            k.rejectUnknownKeys(Set.of("order"));
            return k.order("order", 50);
        }).orElse(50);
        DnsEgress dnsEgress = r.object("dnsEgress").map(this::dnsEgress).orElse(dnsEgress(null));
        BlockedIps blockedIps = r.object("blockedIps").map(this::blockedIps).orElse(blockedIps(null));
        Pci pci = r.object("pci").map(this::pci).orElse(pci(null));
        Segmentation segmentation = r.object("segmentation").map(this::segmentation).orElse(new Segmentation(null, List.of()));
        Evaluation evaluation = r.object("evaluation").map(this::evaluation).orElse(DEFAULT_EVALUATION);
        List<ThreatFeed> feeds = r.objects("threatFeeds", List.of(), this::threatFeed);
        checks.uniqueNames(r, "threatFeeds", feeds.stream().map(ThreatFeed::name).toList());
        Alerts alerts = r.object("alerts").map(this::alerts).orElse(alerts(null));
        Reports reports = r.object("reports").map(this::reports).orElse(reports(null));
        Dpi dpi = r.object("dpi").map(this::dpi).orElse(dpi(null));
        L7 l7 = r.object("l7").map(this::l7).orElse(l7(null));
        Apps apps = r.object("apps").map(this::apps).orElse(apps(null));
        AutomationReader automation = new AutomationReader(checks);
        var gitops = automation.gitops(r);
        var scheduledAudit = automation.scheduledAudit(r, packs, gitops);
        String workloads = r.string("workloads", null);
        var calico = CalicoTargetReader.read(r);
        JsonNode values = r.raw("values");
        if (values != null && !values.isNull() && !values.isObject()) {
            r.error("values", "expected a mapping, got " + MappingReader.describe(values));
        }
        if (name == null || provider == null || cni == null) {
            return null;
        }
        return new ClusterProfile(name, provider, cni, ipFamily, wireguard, l7Logging, l7Mode, packs, logs, tiers,
                quarantineLabel, defaultDeny, kubeDnsOrder, dnsEgress, blockedIps, pci, segmentation, evaluation, feeds, alerts,
                reports, dpi, l7, apps, scheduledAudit, gitops, workloads, values, calico, r.here(), r.locations());
    }

    private Logs logs(MappingReader r) {
        if (r == null) {
            return new Logs("5m0s", "5m0s", "5m0s", 2, 1, 1, false, false);
        }
        r.rejectUnknownKeys(Set.of("flowFlushInterval", "dnsFlushInterval", "l7FlushInterval",
                "flowAggregationForAllowed", "flowAggregationForDenied", "dnsAggregation", "dnsFileEnabled", "tcpStats"));
        return new Logs(
                checks.duration(r, "flowFlushInterval", "5m0s"),
                checks.duration(r, "dnsFlushInterval", "5m0s"),
                checks.duration(r, "l7FlushInterval", "5m0s"),
                r.integer("flowAggregationForAllowed", 2, 0, 2),
                r.integer("flowAggregationForDenied", 1, 0, 3),
                r.integer("dnsAggregation", 1, 0, 1),
                r.bool("dnsFileEnabled", false),
                r.bool("tcpStats", false));
    }

    private TierSpec tier(MappingReader r) {
        r.rejectUnknownKeys(Set.of("name", "order"));
        String name = r.string("name", null);
        if (name == null) {
            r.diagnostics().error(r.here(), r.pathOf("name") + ": required");
            return null;
        }
        checks.tierName(r, "name", name);
        if (!r.has("order")) {
            r.diagnostics().error(r.here(), r.pathOf("order") + ": required",
                    "a tier without an order is evaluated after every ordered tier");
        }
        return new TierSpec(name, r.order("order", 0));
    }

    private DefaultDeny defaultDeny(MappingReader r) {
        if (r == null) {
            return new DefaultDeny(List.of("default"), true, 2000);
        }
        r.rejectUnknownKeys(Set.of("namespaces", "mode", "order"));
        List<String> namespaces = checks.namespaces(r, "namespaces", List.of("default"));
        if (namespaces.isEmpty()) {
            r.error("namespaces", "must name at least one namespace");
        }
        String mode = r.oneOf("mode", "staged", List.of("staged", "enforced"));
        return new DefaultDeny(namespaces, "staged".equals(mode), r.order("order", 2000));
    }

    private DnsEgress dnsEgress(MappingReader r) {
        if (r == null) {
            return new DnsEgress("default", "all()", List.of(), false, 100);
        }
        r.rejectUnknownKeys(Set.of("namespace", "workloadSelector", "domains", "useNetworkSet", "order"));
        String ns = checks.namespace(r, "namespace", "default");
        String sel = checks.selector(r, "workloadSelector", "all()");
        List<String> domains = checks.domains(r, "domains", r.strings("domains", List.of()));
        return new DnsEgress(ns, sel, domains, r.bool("useNetworkSet", false), r.order("order", 100));
    }

    private BlockedIps blockedIps(MappingReader r) {
        if (r == null) {
            return new BlockedIps(List.of(), "all()", 300);
        }
        r.rejectUnknownKeys(Set.of("cidrs", "selector", "order"));
        List<String> cidrs = checks.cidrs(r, "cidrs", r.strings("cidrs", List.of()));
        return new BlockedIps(cidrs, checks.selector(r, "selector", "all()"), r.order("order", 300));
    }

    private Pci pci(MappingReader r) {
        if (r == null) {
            return new Pci(List.of(), "PCI", 100);
        }
        r.rejectUnknownKeys(Set.of("namespaces", "label", "order"));
        return new Pci(checks.namespaces(r, "namespaces", List.of()), checks.labelKey(r, "label", r.string("label", "PCI"), "PCI"),
                r.order("order", 100));
    }

    private Segmentation segmentation(MappingReader r) {
        r.rejectUnknownKeys(Set.of("label", "allowedFlows"));
        String label = r.has("label") ? checks.labelKey(r, "label", r.string("label", null), null) : null;
        return new Segmentation(label, r.objects("allowedFlows", List.of(), this::allowedFlow));
    }

    private Evaluation evaluation(MappingReader r) {
        r.rejectUnknownKeys(Set.of("sourcePorts"));
        JsonNode v = r.raw("sourcePorts");
        if (v == null || v.isNull()) {
            return DEFAULT_EVALUATION;
        }
        Optional<SourcePorts> ports = v.isInt() || v.isTextual() ? SourcePorts.parse(v.asText()) : Optional.empty();
        if (ports.isEmpty()) {
            r.error("sourcePorts", "expected a port N or a range A:B within 0-65535 (A <= B), got " + MappingReader.describe(v),
                    "the nodes' net.ipv4.ip_local_port_range, e.g. '32768:60999' (Linux's default)");
            return DEFAULT_EVALUATION;
        }
        return new Evaluation(ports.get());
    }

    private AllowedFlow allowedFlow(MappingReader r) {
        r.rejectUnknownKeys(Set.of("from", "to", "protocol", "port"));
        String protocol = r.has("protocol") ? r.oneOf("protocol", null, List.of("TCP", "UDP", "ICMP", "ICMPv6", "SCTP", "UDPLite")) : null;
        Integer port = r.has("port") ? r.integer("port", 0, 1, 65535) : null;
        return new AllowedFlow(checks.selector(r, "from", "all()"), checks.selector(r, "to", "all()"), protocol, port, r.here());
    }

    private ThreatFeed threatFeed(MappingReader r) {
        r.rejectUnknownKeys(Set.of("name", "url", "label", "order"));
        String name = r.string("name", null);
        String url = r.string("url", null);
        if (name == null || url == null) {
            r.diagnostics().error(r.here(), r.pathOf(name == null ? "name" : "url") + ": required");
            return null;
        }
        if (!checks.label(r, "name", name) | !checks.url(r, "url", url)) {
            return null; // a feed without a usable name or URL renders nothing meaningful
        }
        // The label ends up as a label value on the feed's GlobalNetworkSet and inside the deny policy's selector.
        String label = r.has("label") ? checks.labelValue(r, "label", r.string("label", name), name) : name;
        return new ThreatFeed(name, url, label, r.order("order", 200));
    }

    private Alerts alerts(MappingReader r) {
        if (r == null) {
            return new Alerts(100, "1m", "1m", List.of(), null, null);
        }
        r.rejectUnknownKeys(Set.of("severity", "period", "lookback", "watchedDomains", "lateralMovement"));
        List<String> watched = checks.domains(r, "watchedDomains", r.strings("watchedDomains", List.of()));
        String[] lateral = r.object("lateralMovement").map(l -> {
            l.rejectUnknownKeys(Set.of("namespace", "label"));
            String ns = checks.namespace(l, "namespace", null);
            String label = l.string("label", "security=strict");
            if (!label.matches("[^=\\s\"]+=[^=\\s\"]*")) {
                l.error("label", "expected key=value, e.g. security=strict (got '" + label + "')");
                label = "security=strict";
            }
            return new String[] {ns, label};
        }).orElse(new String[] {null, null});
        return new Alerts(r.integer("severity", 100, 0, 100), checks.duration(r, "period", "1m"),
                checks.duration(r, "lookback", "1m"), watched, lateral[0], lateral[1]);
    }

    private Reports reports(MappingReader r) {
        if (r == null) {
            return new Reports("0 0 * * *", true, true, true, true, List.of());
        }
        r.rejectUnknownKeys(Set.of("schedule", "inventory", "networkAccess", "policyAudit", "cisBenchmark", "namespaces"));
        return new Reports(checks.cron(r, "schedule", "0 0 * * *"), r.bool("inventory", true), r.bool("networkAccess", true),
                r.bool("policyAudit", true), r.bool("cisBenchmark", true), checks.namespaces(r, "namespaces", List.of()));
    }

    private Dpi dpi(MappingReader r) {
        if (r == null) {
            return new Dpi(null, "all()", "1", "1Gi", "100m", "100Mi");
        }
        r.rejectUnknownKeys(Set.of("namespace", "selector", "cpuLimit", "memoryLimit", "cpuRequest", "memoryRequest"));
        return new Dpi(checks.namespace(r, "namespace", null), checks.selector(r, "selector", "all()"),
                checks.quantity(r, "cpuLimit", "1"), checks.quantity(r, "memoryLimit", "1Gi"),
                checks.quantity(r, "cpuRequest", "100m"), checks.quantity(r, "memoryRequest", "100Mi"));
    }

    private L7 l7(MappingReader r) {
        if (r == null) {
            return new L7(List.of(), 5, -1, "/var/run/nodeagent");
        }
        r.rejectUnknownKeys(Set.of("services", "logIntervalSeconds", "logRequestsPerInterval", "policySyncPathPrefix"));
        List<ServiceRef> services = r.objects("services", List.of(), s -> {
            s.rejectUnknownKeys(Set.of("namespace", "name"));
            String ns = checks.namespace(s, "namespace", "default");
            String name = s.string("name", null);
            if (name == null) {
                s.diagnostics().error(s.here(), s.pathOf("name") + ": required");
                return null;
            }
            checks.label(s, "name", name);
            return new ServiceRef(ns, name);
        });
        String prefix = r.string("policySyncPathPrefix", "/var/run/nodeagent");
        if (!prefix.matches("(/[A-Za-z0-9._-]+)+")) {
            r.error("policySyncPathPrefix", "expected an absolute path such as /var/run/nodeagent (got '" + prefix + "')");
            prefix = "/var/run/nodeagent";
        }
        return new L7(services, r.integer("logIntervalSeconds", 5, 1, 86_400),
                r.integer("logRequestsPerInterval", -1, -1, Integer.MAX_VALUE), prefix);
    }

    private Apps apps(MappingReader r) {
        if (r == null) {
            return new Apps(false, false, "dev", "default");
        }
        r.rejectUnknownKeys(Set.of("devApp", "onlineBoutique", "devNamespace", "boutiqueNamespace"));
        return new Apps(r.bool("devApp", false), r.bool("onlineBoutique", false),
                checks.namespace(r, "devNamespace", "dev"), checks.namespace(r, "boutiqueNamespace", "default"));
    }
}
