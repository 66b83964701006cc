package io.calicogitops.evidence;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static io.calicogitops.evidence.PciBasis.DIAGRAM;
import static io.calicogitops.evidence.PciBasis.DRIFT;
import static io.calicogitops.evidence.PciBasis.DRIFT_LOG;
import static io.calicogitops.evidence.PciBasis.FILES;
import static io.calicogitops.evidence.PciBasis.SEGMENTATION;
import static io.calicogitops.evidence.PciRequirement.V3;
import static io.calicogitops.evidence.PciRequirement.V4;

/**
 * The PCI DSS requirements a bundle speaks to and the files that evidence each: the network-security-control
 * requirements of PCI DSS v4.0 (1.2.x, 1.3.1, 1.3.2) and audit-log retention (10.5.1), then the v3.2.1 numbers the
 * Calico compliance workshop cites (1.1, 1.1.2-1.1.6, 1.2.1-1.2.3). The two versions reuse numbers for different
 * things (v3.2.1 1.2.2 "synchronize router configuration files" is v4.0 1.2.8), so every row names its version.
 * Each row names the check that decides its status ({@link PciBasis}); {@link PciMapping} works it out from the files.
 */
final class PciCatalogue {

    private static final String SEGMENTATION_HINT = "not included: export with --fleet DIR or --workloads PATH (runs `calico-gitops check segmentation`)";
    private static final String DIAGRAM_HINT = "not included: export with --fleet DIR or --workloads PATH (runs `calico-gitops diagram`)";
    private static final String LIVE_HINT = "not included: export with --live FILE or --kubeconfig FILE";
    private static final String LIVE_EVALUATION_HINT = "not included: export with --live FILE or --kubeconfig FILE and "
            + "--fleet DIR or --workloads PATH (the check and the diagram then run on the live state too)";
    private static final String WORKSHOP_SEGMENTATION = "Identify everything covered by PCI with a well-defined label "
            + "(PCI=true); block all traffic between PCI and non-PCI workloads; allow all traffic within PCI workloads";
    private static final String WORKSHOP_DIAGRAM = "Stay current with the network diagram for in-scope workloads "
            + "using Calico's Dynamic Service Graph and flow visualizer";

    private PciCatalogue() {
    }

    static List<PciRequirement> of(BundleFacts f) {
        long days = Duration.between(f.request().since(), f.request().until()).toDays();
        List<PciRequirement> r = new ArrayList<>();
        r.add(v4("1.2.1", "Configuration standards for network security control rulesets are defined, implemented and maintained.",
                List.of(desired(f), commits()), true, FILES,
                "The standard is the fleet profile and policy packs in the repository; the bundle holds what they render to."));
        r.add(v4("1.2.2", "All changes to network connections and to configurations of network security controls are "
                        + "approved and managed in accordance with the change control process.",
                List.of(commits(), history(), historyEvents(), historySummary(), timeline()), false, FILES,
                "Changes are Git commits; approvals (pull request reviews) are kept by the Git host, not in this bundle. "
                        + "Changes made outside Git show as drift in the drift timeline."));
        r.add(v4("1.2.3", "An accurate network diagram is maintained that shows all connections between the CDE and other "
                + "networks, including any wireless networks.", List.of(networkDiagram(), networkDiagramLive()), true, DIAGRAM,
                "Computed from the policies: every workload by namespace and every flow they allow, with ports."));
        r.add(v4("1.2.4", "An accurate data-flow diagram is maintained that shows all account data flows across systems and networks.",
                List.of(dataFlows(), dataFlowsLive(), segmentationText()), true, DIAGRAM,
                "Computed from the policies: every allowed flow into or out of an in-scope (PCI) workload."));
        r.add(v4("1.2.5", "All services, protocols and ports allowed are identified, approved, and have a defined business need.",
                List.of(desired(f), commits(), ignoreRules()), false, FILES,
                "Every allowed port and protocol is a rule in Git; the business need is in commit messages and reviews."));
        r.add(v4("1.2.7", "Configurations of network security controls are reviewed at least once every six months to confirm "
                        + "they are relevant and effective.",
                List.of(index(), desired(f), history(), driftHtml()), false, FILES,
                "This bundle is the input and record of the review; the review itself is a person's act. The interval covers "
                        + days + " days (the requirement's rhythm is six months)."));
        r.add(v4("1.2.8", "Configuration files for network security controls are secured from unauthorized access and kept "
                        + "consistent with active network configurations.",
                List.of(driftHtml(), driftJson(), liveSnapshot(), desired(f)), false, DRIFT,
                "Access to the configuration files is controlled by the Git host (branch protection, reviews)."));
        r.add(v4("1.3.1", "Inbound traffic to the CDE is restricted to only that which is necessary, and all other traffic is "
                + "specifically denied.", segmentationEvidence(f), true, SEGMENTATION,
                "The segmentation check proves it flow by flow: no flow between in-scope and out-of-scope workloads but the listed exceptions."));
        r.add(v4("1.3.2", "Outbound traffic from the CDE is restricted to only that which is necessary, and all other traffic "
                + "is specifically denied.", segmentationEvidence(f), true, SEGMENTATION,
                "The segmentation check proves it flow by flow: no flow between in-scope and out-of-scope workloads but the listed exceptions."));
        r.add(v4("10.5.1", "Audit log history is retained for at least 12 months, with at least the most recent three months "
                        + "immediately available for analysis.",
                List.of(timeline(), timelineVerification()), days >= 365, DRIFT_LOG,
                "The drift log records every audit, hash-chained, on its own branch; the interval covers " + days
                        + " days" + (days >= 365 ? "." : " (export at least 12 months to show the whole retention).")));

        r.add(v3("1.1", "1.1", "Install and maintain a firewall configuration to protect cardholder data (processes and "
                + "documentation for firewall and router configurations).", List.of(desired(f), commits(), driftHtml()), false,
                FILES, "An umbrella requirement: see its sub-requirements and the v4.0 rows.", WORKSHOP_SEGMENTATION));
        r.add(v3("1.1.2", "1.2.3", "Current network diagram that identifies all connections between the cardholder data "
                + "environment and other networks, including any wireless networks.", List.of(networkDiagram(), networkDiagramLive()),
                true, DIAGRAM, "The diagram `calico-gitops diagram` draws: every workload by namespace and every flow the "
                        + "policies allow, with ports.", WORKSHOP_DIAGRAM));
        r.add(v3("1.1.3", "1.2.4", "Current diagram that shows all cardholder data flows across systems and networks.",
                List.of(dataFlows(), dataFlowsLive()), true, DIAGRAM, "The diagram `calico-gitops diagram` draws, limited to "
                        + "flows into or out of in-scope (PCI) workloads.", WORKSHOP_DIAGRAM));
        r.add(v3("1.1.4", "1.4.1", "Requirements for a firewall at each Internet connection and between any demilitarized "
                + "zone (DMZ) and the internal network zone.", withPci(f, segmentation(), segmentationLive(), desired(f)), false,
                SEGMENTATION, "In a cluster, the zones are namespaces and labels; the default-deny and PCI policies are the firewall.",
                WORKSHOP_SEGMENTATION));
        r.add(v3("1.1.6", "1.2.5", "Documentation of business justification and approval for use of all services, protocols, "
                + "and ports allowed.", List.of(desired(f), commits(), ignoreRules()), false, FILES,
                "Every allowed port and protocol is a rule in Git; the justification is in commit messages and reviews.",
                WORKSHOP_SEGMENTATION));
        r.add(v3("1.2.1", "1.3.1, 1.3.2", "Restrict inbound and outbound traffic to that which is necessary for the cardholder "
                + "data environment, and specifically deny all other traffic.", segmentationEvidence(f), true, SEGMENTATION,
                "The segmentation check proves it flow by flow.", WORKSHOP_SEGMENTATION));
        r.add(v3("1.2.2", "1.2.8", "Secure and synchronize router configuration files.",
                List.of(driftHtml(), driftJson(), liveSnapshot(), desired(f)), false, DRIFT,
                "The cluster's routers are its policies: synchronized when the live state matches Git.", WORKSHOP_SEGMENTATION));
        r.add(v3("1.2.3", "1.3.3", "Install perimeter firewalls between all wireless networks and the cardholder data "
                + "environment, and configure them to deny or control traffic into the CDE.",
                withPci(f, segmentation(), segmentationLive()), false, SEGMENTATION,
                "Wireless networks are outside the cluster: its part is that only allowed sources reach the CDE.",
                WORKSHOP_SEGMENTATION));
        return r;
    }

    private static PciRequirement v4(String id, String asks, List<EvidenceRef> evidence, boolean suffice, PciBasis basis,
                                     String note) {
        return new PciRequirement(V4, id, asks, evidence, suffice, note, Optional.empty(), Optional.empty(), basis);
    }

    private static PciRequirement v3(String id, String successor, String asks, List<EvidenceRef> evidence, boolean suffice,
                                     PciBasis basis, String note, String workshop) {
        return new PciRequirement(V3, id, asks, evidence, suffice, note, Optional.of(successor), Optional.of(workshop), basis);
    }

    /** The segmentation check in Git and live, for people and machines, the PCI policies and the drift report. */
    private static List<EvidenceRef> segmentationEvidence(BundleFacts f) {
        return withPci(f, segmentation(), segmentationText(), segmentationLive(), segmentationLiveText(), driftHtml());
    }

    private static List<EvidenceRef> withPci(BundleFacts f, EvidenceRef... first) {
        List<EvidenceRef> refs = new ArrayList<>(List.of(first));
        f.pciPolicyFiles().forEach(p -> refs.add(new EvidenceRef(p, "a PCI microsegmentation policy at the end commit", "")));
        return refs;
    }

    private static EvidenceRef desired(BundleFacts f) {
        return new EvidenceRef(BundleLayout.desiredFolder(f.cluster()), "the cluster's Calico resources as code at the end commit", "");
    }

    private static EvidenceRef commits() {
        return new EvidenceRef(BundleLayout.COMMITS, "every commit that changed the cluster's folder in the interval: who, when, what", "");
    }

    private static EvidenceRef history() {
        return new EvidenceRef(BundleLayout.HISTORY, "the change history: every resource change in the interval, in words",
                "not available in this build: needs `calico-gitops history`");
    }

    private static EvidenceRef historyEvents() {
        return new EvidenceRef(BundleLayout.HISTORY_EVENTS, "the change events, one per resource change",
                "not available in this build: needs `calico-gitops history`");
    }

    private static EvidenceRef historySummary() {
        return new EvidenceRef(BundleLayout.HISTORY_SUMMARY, "the changes as a spreadsheet",
                "not available in this build: needs `calico-gitops history`");
    }

    private static EvidenceRef timeline() {
        return new EvidenceRef(BundleLayout.DRIFT_TIMELINE, "every recorded audit in the interval: drift first seen and resolved, gaps",
                "not available in this build: needs the drift log");
    }

    private static EvidenceRef timelineVerification() {
        return new EvidenceRef(BundleLayout.DRIFT_LOG_VERIFY, "the drift log's hash chain, verified at export",
                "not available in this build: needs the drift log");
    }

    private static EvidenceRef driftHtml() {
        return new EvidenceRef(BundleLayout.DRIFT_HTML, "the live state compared with Git at export, for people", LIVE_HINT);
    }

    private static EvidenceRef driftJson() {
        return new EvidenceRef(BundleLayout.DRIFT_JSON, "the same comparison, machine-readable", LIVE_HINT);
    }

    private static EvidenceRef liveSnapshot() {
        return new EvidenceRef(BundleLayout.LIVE_SNAPSHOT, "the live objects the drift report compared", LIVE_HINT);
    }

    private static EvidenceRef ignoreRules() {
        return new EvidenceRef(BundleLayout.IGNORE_RULES, "accepted deviations, each with owner, reason and expiry",
                "not included: export with --ignore FILE");
    }

    private static EvidenceRef index() {
        return new EvidenceRef(BundleLayout.INDEX, "this review pack: summary, mapping and file hashes", "");
    }

    private static EvidenceRef networkDiagram() {
        return new EvidenceRef(BundleLayout.NETWORK_DIAGRAM, "the network diagram of the CDE's connections", DIAGRAM_HINT);
    }

    private static EvidenceRef dataFlows() {
        return new EvidenceRef(BundleLayout.DATA_FLOWS, "the data-flow diagram of account data", DIAGRAM_HINT);
    }

    private static EvidenceRef segmentationText() {
        return new EvidenceRef(BundleLayout.SEGMENTATION_TEXT, "the segmentation check for people, with counter-examples and traces",
                SEGMENTATION_HINT);
    }

    private static EvidenceRef segmentation() {
        return new EvidenceRef(BundleLayout.SEGMENTATION, "which flows into and out of the CDE the policies allow", SEGMENTATION_HINT);
    }

    private static EvidenceRef segmentationLive() {
        return new EvidenceRef(BundleLayout.SEGMENTATION_LIVE, "the segmentation check on the live state: what is enforced",
                LIVE_EVALUATION_HINT);
    }

    private static EvidenceRef segmentationLiveText() {
        return new EvidenceRef(BundleLayout.SEGMENTATION_LIVE_TEXT, "the live segmentation check for people, with counter-examples",
                LIVE_EVALUATION_HINT);
    }

    private static EvidenceRef networkDiagramLive() {
        return new EvidenceRef(BundleLayout.NETWORK_DIAGRAM_LIVE, "the network diagram of the live state", LIVE_EVALUATION_HINT);
    }

    private static EvidenceRef dataFlowsLive() {
        return new EvidenceRef(BundleLayout.DATA_FLOWS_LIVE, "the data-flow diagram of the live state", LIVE_EVALUATION_HINT);
    }
}
