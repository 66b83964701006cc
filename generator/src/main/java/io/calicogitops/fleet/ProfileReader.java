package io.calicogitops.fleet;

import com.fasterxml.jackson.databind.JsonNode;
import io.calicogitops.diag.Diagnostics;
import io.calicogitops.model.RepoLayout;
import io.calicogitops.yaml.MappingReader;
import io.calicogitops.yaml.YamlDocument;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static io.calicogitops.fleet.ValueChecks.CHECK;

/**
 * Turns one profile document into a {@link ClusterProfile}: reads the top-level scalars itself and hands each section
 * to its one reader ({@link PolicySections}, {@link InsightSections}, {@link AutomationReader},
 * {@link CalicoTargetReader}), which takes its defaults from the section's {@code DEFAULTS} in {@link ClusterProfile}.
 */
final class ProfileReader {

    /**
     * The whole profile's keys: its scalars, free-form {@code values}, and every section. The one list of known keys:
     * the unknown-key hint uses it, and ProfileDocsKeysTest checks docs/fleet-profile.md against it.
     */
    static final Section PROFILE = new Section("", Set.of("name", "provider", "cni", "ipFamily", "wireguard", "l7Logging",
            "l7Mode", "packs", "workloads", "values", "adoptNames", "layout"), List.of(InsightSections.LOGS, PolicySections.TIERS,
            PolicySections.QUARANTINE, PolicySections.DEFAULT_DENY, PolicySections.KUBE_DNS, PolicySections.DNS_EGRESS,
            PolicySections.BLOCKED_IPS, PolicySections.PCI, PolicySections.SEGMENTATION, InsightSections.EVALUATION,
            PolicySections.THREAT_FEEDS, InsightSections.ALERTS, InsightSections.REPORTS, InsightSections.DPI,
            InsightSections.L7_SECTION, PolicySections.APPS, HoneypodsReader.HONEYPODS, AutomationReader.SCHEDULED_AUDIT, AutomationReader.GITOPS,
            CalicoTargetReader.CALICO));

    private ProfileReader() {
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
        return Optional.ofNullable(profile(PROFILE.checked(r)));
    }

    private static ClusterProfile profile(MappingReader r) {
        String name = r.string("name", null);
        if (name == null) {
            r.diagnostics().error(r.here(), "name: required", "every profile names its cluster, e.g. 'name: eks-prod'");
        } else if (!CHECK.label(r, "name", name)) {
            name = null; // it names the output folder: a wrong one makes every later stage meaningless
        }
        String providerText = r.oneOf("provider", null, List.of("EKS", "AKS"));
        if (!r.has("provider")) {
            r.diagnostics().error(r.here(), "provider: required (EKS or AKS)");
        }
        ClusterProfile.Provider provider = providerText == null ? null : ClusterProfile.Provider.valueOf(providerText);
        String cni = cni(r, provider);
        var ipFamily = ClusterProfile.IpFamily.valueOf(r.oneOf("ipFamily", "IPv4", List.of("IPv4", "IPv6", "DualStack")));
        boolean wireguard = r.bool("wireguard", false);
        boolean l7Logging = r.bool("l7Logging", false);
        var l7Mode = ClusterProfile.L7Mode.valueOf(r.oneOf("l7Mode", "daemonset", List.of("daemonset", "sidecar")));
        List<String> packs = r.strings("packs", List.of());
        if (r.has("packs") && packs.isEmpty()) {
            r.error("packs", "must list at least one pack (leave the key out to render every pack)");
        }
        PlatformRules.check(r, provider, ipFamily, wireguard);

        // Read in this order, so that the diagnostics come in the order they always have.
        var logs = InsightSections.logs(r);
        var tiers = PolicySections.tiers(r);
        var quarantineLabel = PolicySections.quarantineLabel(r);
        var defaultDeny = PolicySections.defaultDeny(r);
        var kubeDnsOrder = PolicySections.kubeDnsOrder(r);
        var dnsEgress = PolicySections.dnsEgress(r);
        var blockedIps = PolicySections.blockedIps(r);
        var pci = PolicySections.pci(r);
        var segmentation = PolicySections.segmentation(r);
        var evaluation = InsightSections.evaluation(r);
        var feeds = PolicySections.threatFeeds(r);
        var alerts = InsightSections.alerts(r);
        var reports = InsightSections.reports(r);
        var dpi = InsightSections.dpi(r);
        var l7 = InsightSections.l7(r);
        var apps = PolicySections.apps(r);
        var honeypods = HoneypodsReader.read(r);
        var gitops = AutomationReader.gitops(r);
        var scheduledAudit = AutomationReader.scheduledAudit(r, packs, gitops);
        String workloads = r.string("workloads", null);
        var calico = CalicoTargetReader.read(r);
        // clusters/<name>/calico/ by default; 'cluster' keeps clusters/<name>/ (collides with flux bootstrap's folder).
        var layout = RepoLayout.Style.CALICO_SUBFOLDER.key().equals(r.oneOf("layout", RepoLayout.DEFAULT.key(),
                List.of(RepoLayout.Style.CALICO_SUBFOLDER.key(), RepoLayout.Style.CLUSTER_FOLDER.key())))
                ? RepoLayout.Style.CALICO_SUBFOLDER : RepoLayout.Style.CLUSTER_FOLDER;
        JsonNode values = r.raw("values");
        if (values != null && !values.isNull() && !values.isObject()) {
            r.error("values", "expected a mapping, got " + MappingReader.describe(values));
        }
        Map<String, String> adoptNames = AdoptNames.read(r);
        if (name == null || provider == null || cni == null) {
            return null;
        }
        return new ClusterProfile(name, provider, cni, ipFamily, wireguard, l7Logging, l7Mode, packs, logs, tiers,
                quarantineLabel, defaultDeny, kubeDnsOrder, dnsEgress, blockedIps, pci, segmentation, evaluation, feeds, alerts,
                reports, dpi, l7, apps, honeypods, scheduledAudit, gitops, workloads, values, adoptNames, calico, layout, r.here(),
                r.locations());
    }

    /** The CNI, or null (reported) when it is missing or not one the provider runs. */
    private static String cni(MappingReader r, ClusterProfile.Provider provider) {
        String cni = r.string("cni", null);
        if (!r.has("cni")) {
            r.diagnostics().error(r.here(), "cni: required (EKS: aws-vpc or calico; AKS: azure)");
        } else if (provider != null) {
            List<String> allowed = provider == ClusterProfile.Provider.EKS ? List.of("aws-vpc", "calico") : List.of("azure");
            if (!allowed.contains(cni)) {
                r.error("cni", "'" + cni + "' is not a CNI for " + provider + " (expected " + MappingReader.orList(allowed) + ")");
                return null;
            }
        }
        return cni;
    }
}
