package io.calicogitops.render;

import io.calicogitops.fleet.ClusterProfile;
import io.calicogitops.fleet.ClusterProfile.ThreatFeed;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What templates see: the profile after defaults, plus derived values (selectors built from lists, prefixed names,
 * alert queries) so that templates stay logic-free and every variable is a whole YAML scalar. The variables are
 * listed in templates/README.md.
 */
public final class ViewModel {

    private ViewModel() {
    }

    public static Map<String, Object> of(ClusterProfile p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", p.name());
        m.put("provider", p.provider().name());
        m.put("isEks", p.provider() == ClusterProfile.Provider.EKS);
        m.put("isAks", p.provider() == ClusterProfile.Provider.AKS);
        m.put("cni", p.cni());
        m.put("installationCniType", switch (p.cni()) {
            case "aws-vpc" -> "AmazonVPC";
            case "azure" -> "AzureVNET";
            default -> "Calico";
        });
        m.put("ipFamily", p.ipFamily().name());
        m.put("wireguard", p.wireguard());
        m.put("l7Logging", p.l7Logging());
        m.put("l7Mode", p.l7Mode().name());
        m.put("l7Sidecar", p.l7Mode() == ClusterProfile.L7Mode.sidecar);
        m.put("logs", logs(p.logs()));
        m.put("tiers", p.tiers().stream().map(t -> map("name", t.name(), "order", t.order())).toList());
        m.put("quarantine", map(
                "label", p.quarantineLabel(),
                "selector", p.quarantineLabel() + " == \"true\"",
                "enabled", p.tiers().stream().anyMatch(t -> t.name().equals("quarantine"))));
        // The built-in packs put their policies in tier "security"; its closing Pass policy needs the tier.
        m.put("securityTier", map("enabled", p.tiers().stream().anyMatch(t -> t.name().equals("security"))));
        m.put("defaultDeny", map(
                "namespaces", p.defaultDeny().namespaces(),
                "staged", p.defaultDeny().staged(),
                "enforced", !p.defaultDeny().staged(),
                "order", p.defaultDeny().order(),
                "selector", "projectcalico.org/namespace in " + set(p.defaultDeny().namespaces())));
        m.put("kubeDns", map("order", p.kubeDnsOrder()));
        m.put("dnsEgress", dnsEgress(p.dnsEgress()));
        m.put("blockedIps", map(
                "cidrs", p.blockedIps().cidrs(),
                "enabled", !p.blockedIps().cidrs().isEmpty(),
                "selector", p.blockedIps().selector(),
                "order", p.blockedIps().order()));
        String label = p.pci().label();
        m.put("pci", map(
                "namespaces", p.pci().namespaces(),
                "enabled", !p.pci().namespaces().isEmpty(),
                "label", label,
                "inScope", label + " == \"true\"",
                "outOfScope", label + " != \"true\"",
                "namespaceSelector", "projectcalico.org/namespace in " + set(p.pci().namespaces()),
                "order", p.pci().order()));
        m.put("threatFeeds", p.threatFeeds().stream().map(ViewModel::threatFeed).toList());
        m.put("alerts", alerts(p.alerts()));
        m.put("reports", map(
                "schedule", p.reports().schedule(),
                "inventory", p.reports().inventory(),
                "networkAccess", p.reports().networkAccess(),
                "policyAudit", p.reports().policyAudit(),
                "cisBenchmark", p.reports().cisBenchmark(),
                "namespaces", p.reports().namespaces(),
                "scoped", !p.reports().namespaces().isEmpty()));
        m.put("dpi", map(
                "enabled", p.dpi().namespace() != null,
                "namespace", p.dpi().namespace() == null ? "" : p.dpi().namespace(),
                "selector", p.dpi().selector(),
                "cpuLimit", p.dpi().cpuLimit(),
                "memoryLimit", p.dpi().memoryLimit(),
                "cpuRequest", p.dpi().cpuRequest(),
                "memoryRequest", p.dpi().memoryRequest()));
        m.put("l7", map(
                "services", p.l7().services().stream().map(s -> map("namespace", s.namespace(), "name", s.name())).toList(),
                "logIntervalSeconds", p.l7().logIntervalSeconds(),
                "logRequestsPerInterval", p.l7().logRequestsPerInterval(),
                "policySyncPathPrefix", p.l7().policySyncPathPrefix()));
        m.put("apps", apps(p.apps()));
        m.put("scheduledAudit", scheduledAudit(p));
        m.put("honeypods", honeypods(p));
        m.put("values", p.valuesMap());
        return m;
    }

    private static Map<String, Object> honeypods(ClusterProfile p) {
        io.calicogitops.fleet.Honeypods h = p.honeypods().orElse(io.calicogitops.fleet.Honeypods.DEFAULTS);
        Map<String, Object> eso = h.externalSecret().map(e -> map(
                "enabled", true,
                "store", e.store(),
                "storeKind", e.storeKind(),
                "remoteKey", e.remoteKey(),
                "refreshInterval", e.refreshInterval())).orElse(map(
                "enabled", false, "store", "", "storeKind", "", "remoteKey", "", "refreshInterval", ""));
        return map(
                "enabled", p.honeypods().isPresent(),
                "pullSecret", h.pullSecret(),
                "appImage", h.appImage(),
                "dashboardImage", h.dashboardImage(),
                "databaseImage", h.databaseImage(),
                "externalSecret", eso);
    }

    private static Map<String, Object> scheduledAudit(ClusterProfile p) {
        return p.scheduledAudit().map(a -> map(
                "enabled", true,
                "schedule", a.schedule(),
                "image", a.image(),
                "repoUrl", a.repoUrl(),
                "ref", a.ref(),
                "gitSecret", a.gitSecret(),
                "webhook", a.webhookSecret().isPresent(),
                "webhookSecret", a.webhookSecret().orElse(""),
                "sign", a.signKeySecret().isPresent(),
                "signKeySecret", a.signKeySecret().orElse(""),
                "cronJob", a.watch().isEmpty(),
                "watch", watch(a.watch()))).orElse(map(
                "enabled", false, "schedule", "", "image", "", "repoUrl", "", "ref", "", "gitSecret", "",
                "webhook", false, "webhookSecret", "", "sign", false, "signKeySecret", "", "cronJob", false,
                "watch", watch(Optional.empty())));
    }

    /** scheduledAudit.watch: the Deployment form (enabled), its interval, metrics port and ServiceMonitor. */
    private static Map<String, Object> watch(Optional<ClusterProfile.Watch> w) {
        return w.map(x -> map("enabled", true, "interval", x.interval(), "metricsPort", x.metricsPort(),
                "serviceMonitor", x.serviceMonitor()))
                .orElse(map("enabled", false, "interval", "", "metricsPort", 0, "serviceMonitor", false));
    }

    private static Map<String, Object> logs(ClusterProfile.Logs l) {
        return map(
                "flowFlushInterval", l.flowFlushInterval(),
                "dnsFlushInterval", l.dnsFlushInterval(),
                "l7FlushInterval", l.l7FlushInterval(),
                "flowAggregationForAllowed", l.flowAggregationForAllowed(),
                "flowAggregationForDenied", l.flowAggregationForDenied(),
                "dnsAggregation", l.dnsAggregation(),
                "dnsFileEnabled", l.dnsFileEnabled(),
                "tcpStats", l.tcpStats());
    }

    private static Map<String, Object> dnsEgress(ClusterProfile.DnsEgress d) {
        String scope = "projectcalico.org/namespace == \"" + d.namespace() + "\"";
        String selector = d.workloadSelector().isBlank() || d.workloadSelector().trim().equals("all()")
                ? scope : "(" + d.workloadSelector() + ") && " + scope;
        return map(
                "namespace", d.namespace(),
                "workloadSelector", d.workloadSelector(),
                "selector", selector,
                "domains", d.domains(),
                "enabled", !d.domains().isEmpty(),
                "useNetworkSet", d.useNetworkSet(),
                "order", d.order());
    }

    private static Map<String, Object> threatFeed(ThreatFeed f) {
        return map(
                "name", f.name(),
                "url", f.url(),
                "label", f.label(),
                "labelSelector", "threatfeed == \"" + f.label() + "\"",
                "policyName", "security.block-" + f.name(),
                "alertName", "security." + f.name(),
                "alertQuery", "dest_name_aggr=\"threatfeed." + f.name() + "\"",
                "order", f.order());
    }

    private static Map<String, Object> alerts(ClusterProfile.Alerts a) {
        String dnsQuery = "(" + a.watchedDomains().stream().map(d -> "qname = \"" + d + "\"")
                .collect(Collectors.joining(" OR ")) + ")";
        String ns = a.lateralNamespace();
        String lateralQuery = ns == null ? "" : "(\"dest_labels.labels\"=\"" + a.lateralLabel() + "\" AND \"dest_namespace\"=\""
                + ns + "\") AND \"source_namespace\"!=\"" + ns + "\" AND \"proto\"=\"tcp\" AND ((\"action\"=\"allow\" AND"
                + " (\"reporter\"=\"dst\" OR \"reporter\"=\"src\")) OR (\"action\"=\"deny\" AND \"reporter\"=\"src\"))";
        return map(
                "severity", a.severity(),
                "period", a.period(),
                "lookback", a.lookback(),
                "watchedDomains", a.watchedDomains(),
                "dnsEnabled", !a.watchedDomains().isEmpty(),
                "dnsQuery", dnsQuery,
                "lateralMovement", map(
                        "enabled", ns != null,
                        "namespace", ns == null ? "" : ns,
                        "label", a.lateralLabel() == null ? "" : a.lateralLabel(),
                        "query", lateralQuery));
    }

    private static Map<String, Object> apps(ClusterProfile.Apps a) {
        return map(
                "devApp", a.devApp(),
                "onlineBoutique", a.onlineBoutique(),
                "devNamespace", a.devNamespace(),
                "boutiqueNamespace", a.boutiqueNamespace(),
                "boutiqueNamespaceSelector", "projectcalico.org/name == \"" + a.boutiqueNamespace() + "\"",
                "boutiqueWorkloadSelector", "projectcalico.org/namespace == \"" + a.boutiqueNamespace() + "\"");
    }

    /** A Calico set literal with double-quoted items in the given order: {@code {"a", "b"}}. */
    static String set(List<String> items) {
        return items.stream().map(i -> "\"" + i + "\"").collect(Collectors.joining(", ", "{", "}"));
    }

    private static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

}
