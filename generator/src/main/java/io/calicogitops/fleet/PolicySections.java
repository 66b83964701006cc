package io.calicogitops.fleet;

import io.calicogitops.fleet.ClusterProfile.AllowedFlow;
import io.calicogitops.fleet.ClusterProfile.Apps;
import io.calicogitops.fleet.ClusterProfile.BlockedIps;
import io.calicogitops.fleet.ClusterProfile.DefaultDeny;
import io.calicogitops.fleet.ClusterProfile.DnsEgress;
import io.calicogitops.fleet.ClusterProfile.Pci;
import io.calicogitops.fleet.ClusterProfile.Segmentation;
import io.calicogitops.fleet.ClusterProfile.ThreatFeed;
import io.calicogitops.fleet.ClusterProfile.TierSpec;
import io.calicogitops.yaml.MappingReader;

import java.util.List;

import static io.calicogitops.fleet.ValueChecks.CHECK;

/**
 * Reads the profile sections that say what the cluster enforces (tiers, quarantine, default deny, DNS, blocked IPs,
 * PCI, threat feeds, segmentation, application packs): one reader per section, each absent key taking its value from
 * the section's {@code DEFAULTS} in {@link ClusterProfile}, the same value the whole section takes when it is absent.
 */
final class PolicySections {

    static final Section TIERS = Section.of("tiers", "name", "order");
    static final Section QUARANTINE = Section.of("quarantine", "label");
    static final Section DEFAULT_DENY = Section.of("defaultDeny", "namespaces", "mode", "order");
    static final Section KUBE_DNS = Section.of("kubeDns", "order");
    static final Section DNS_EGRESS = Section.of("dnsEgress", "namespace", "workloadSelector", "domains", "useNetworkSet", "order");
    static final Section BLOCKED_IPS = Section.of("blockedIps", "cidrs", "selector", "order");
    static final Section PCI = Section.of("pci", "namespaces", "label", "order");
    static final Section ALLOWED_FLOWS = Section.of("allowedFlows", "from", "to", "protocol", "port");
    static final Section SEGMENTATION = Section.of("segmentation", "label").with(ALLOWED_FLOWS);
    static final Section THREAT_FEEDS = Section.of("threatFeeds", "name", "url", "label", "order");
    static final Section APPS = Section.of("apps", "devApp", "onlineBoutique", "devNamespace", "boutiqueNamespace");

    private PolicySections() {
    }

    static List<TierSpec> tiers(MappingReader root) {
        List<TierSpec> tiers = TIERS.readList(root, TierSpec.DEFAULTS, r -> {
            String name = r.string("name", null);
            if (name == null) {
                r.diagnostics().error(r.here(), r.pathOf("name") + ": required");
                return null;
            }
            CHECK.tierName(r, "name", name);
            if (!r.has("order")) {
                r.diagnostics().error(r.here(), r.pathOf("order") + ": required",
                        "a tier without an order is evaluated after every ordered tier");
            }
            return new TierSpec(name, r.order("order", 0));
        });
        CHECK.uniqueNames(root, "tiers", tiers.stream().map(TierSpec::name).toList());
        return tiers;
    }

    static String quarantineLabel(MappingReader root) {
        String d = ClusterProfile.DEFAULT_QUARANTINE_LABEL;
        return QUARANTINE.read(root, q -> CHECK.labelKey(q, "label", q.string("label", d), d)).orElse(d);
    }

    static DefaultDeny defaultDeny(MappingReader root) {
        DefaultDeny d = DefaultDeny.DEFAULTS;
        return DEFAULT_DENY.read(root, r -> {
            List<String> namespaces = CHECK.namespaces(r, "namespaces", d.namespaces());
            if (namespaces.isEmpty()) {
                r.error("namespaces", "must name at least one namespace");
            }
            String mode = r.oneOf("mode", d.staged() ? "staged" : "enforced", List.of("staged", "enforced"));
            return new DefaultDeny(namespaces, "staged".equals(mode), r.order("order", d.order()));
        }).orElse(d);
    }

    static Number kubeDnsOrder(MappingReader root) {
        Number d = ClusterProfile.DEFAULT_KUBE_DNS_ORDER;
        return KUBE_DNS.read(root, k -> k.order("order", d)).orElse(d);
    }

    static DnsEgress dnsEgress(MappingReader root) {
        DnsEgress d = DnsEgress.DEFAULTS;
        return DNS_EGRESS.read(root, r -> {
            String ns = CHECK.namespace(r, "namespace", d.namespace());
            String sel = CHECK.selector(r, "workloadSelector", d.workloadSelector());
            List<String> domains = CHECK.domains(r, "domains", r.strings("domains", d.domains()));
            return new DnsEgress(ns, sel, domains, r.bool("useNetworkSet", d.useNetworkSet()), r.order("order", d.order()));
        }).orElse(d);
    }

    static BlockedIps blockedIps(MappingReader root) {
        BlockedIps d = BlockedIps.DEFAULTS;
        return BLOCKED_IPS.read(root, r -> {
            List<String> cidrs = CHECK.cidrs(r, "cidrs", r.strings("cidrs", d.cidrs()));
            return new BlockedIps(cidrs, CHECK.selector(r, "selector", d.selector()), r.order("order", d.order()));
        }).orElse(d);
    }

    static Pci pci(MappingReader root) {
        Pci d = Pci.DEFAULTS;
        return PCI.read(root, r -> new Pci(CHECK.namespaces(r, "namespaces", d.namespaces()),
                CHECK.labelKey(r, "label", r.string("label", d.label()), d.label()), r.order("order", d.order()))).orElse(d);
    }

    static Segmentation segmentation(MappingReader root) {
        Segmentation d = Segmentation.DEFAULTS;
        return SEGMENTATION.read(root, r -> {
            String label = r.has("label") ? CHECK.labelKey(r, "label", r.string("label", d.label()), d.label()) : d.label();
            return new Segmentation(label, ALLOWED_FLOWS.readList(r, d.allowedFlows(), f -> {
                String protocol = f.has("protocol")
                        ? f.oneOf("protocol", null, List.of("TCP", "UDP", "ICMP", "ICMPv6", "SCTP", "UDPLite")) : null;
                Integer port = f.has("port") ? f.integer("port", 0, 1, 65535) : null;
                return new AllowedFlow(CHECK.selector(f, "from", "all()"), CHECK.selector(f, "to", "all()"), protocol, port,
                        f.here());
            }));
        }).orElse(d);
    }

    static List<ThreatFeed> threatFeeds(MappingReader root) {
        List<ThreatFeed> feeds = THREAT_FEEDS.readList(root, List.of(), r -> {
            String name = r.string("name", null);
            String url = r.string("url", null);
            if (name == null || url == null) {
                r.diagnostics().error(r.here(), r.pathOf(name == null ? "name" : "url") + ": required");
                return null;
            }
            if (!CHECK.label(r, "name", name) | !CHECK.url(r, "url", url)) {
                return null; // a feed without a usable name or URL renders nothing meaningful
            }
            // The label ends up as a label value on the feed's GlobalNetworkSet and inside the deny policy's selector.
            String label = r.has("label") ? CHECK.labelValue(r, "label", r.string("label", name), name) : name;
            return new ThreatFeed(name, url, label, r.order("order", ThreatFeed.DEFAULT_ORDER));
        });
        CHECK.uniqueNames(root, "threatFeeds", feeds.stream().map(ThreatFeed::name).toList());
        return feeds;
    }

    static Apps apps(MappingReader root) {
        Apps d = Apps.DEFAULTS;
        return APPS.read(root, r -> new Apps(r.bool("devApp", d.devApp()), r.bool("onlineBoutique", d.onlineBoutique()),
                CHECK.namespace(r, "devNamespace", d.devNamespace()),
                CHECK.namespace(r, "boutiqueNamespace", d.boutiqueNamespace()))).orElse(d);
    }
}
