package io.calicogitops.evidence;

/**
 * The fixed paths inside an evidence bundle (docs/evidence.md). Every path is relative, uses {@code /} and
 * names a file: a zip written by {@link Evidence} has no directory entries.
 */
public final class BundleLayout {

    public static final String MANIFEST = "manifest.json";
    /** Base64 Ed25519 signature over the exact bytes of {@link #MANIFEST}; present only in signed bundles. */
    public static final String SIGNATURE = "manifest.sig";
    public static final String INDEX = "index.html";
    public static final String PCI_MAPPING = "pci-dss-mapping.json";
    public static final String COMMITS = "desired/commits.json";
    public static final String LIVE_SNAPSHOT = "live/snapshot.yaml";
    public static final String DRIFT_JSON = "audit/drift-report.json";
    public static final String DRIFT_HTML = "audit/drift-report.html";
    public static final String HISTORY = "history/history.json";
    public static final String HISTORY_SUMMARY = "history/summary.csv";
    public static final String HISTORY_EVENTS = "history/events.json";
    public static final String DRIFT_TIMELINE = "history/drift-timeline.json";
    public static final String DRIFT_LOG_VERIFY = "history/drift-log-verify.json";
    public static final String IGNORE_RULES = "ignore-rules.json";

    // The evaluator's output (export with --fleet or --workloads): the allowed flows of every workload, those touching
    // in-scope (PCI) workloads, and the segmentation proof as JSON and text.
    public static final String NETWORK_DIAGRAM = "diagram/network-diagram.svg";
    public static final String DATA_FLOWS = "diagram/data-flows.svg";
    public static final String SEGMENTATION = "segmentation/segmentation-check.json";
    public static final String SEGMENTATION_TEXT = "segmentation/segmentation-check.txt";

    // The same evaluation on the live state, when the bundle has one: what is enforced, not only what Git says.
    public static final String SEGMENTATION_LIVE = "segmentation/live.json";
    public static final String SEGMENTATION_LIVE_TEXT = "segmentation/live.txt";
    public static final String NETWORK_DIAGRAM_LIVE = "diagram/network-diagram-live.svg";
    public static final String DATA_FLOWS_LIVE = "diagram/data-flows-live.svg";
    // Observed traffic (export with --flow-logs): the flow-log records replayed against the policies in Git.
    public static final String FLOW_REPLAY = "observed/flow-replay.json";
    public static final String FLOW_REPLAY_TEXT = "observed/flow-replay.txt";
    /** The live objects the live evaluation read (policies, workloads), Secret values masked. */
    public static final String LIVE_EVALUATED = "live/evaluated-objects.yaml";

    private BundleLayout() {
    }

    /**
     * {@code desired/clusters/<name>/}: the cluster's folder in Git at the end commit, file for file, at its repository
     * path ({@code desired/clusters/<name>/calico/...}, or {@code desired/clusters/<name>/...} for a repository
     * rendered before: see RepoLayout).
     */
    public static String desiredFolder(String cluster) {
        return "desired/clusters/" + cluster + "/";
    }

    /** The manifest and its signature describe the bundle; every other file is listed in the manifest. */
    static boolean describesBundle(String path) {
        return path.equals(MANIFEST) || path.equals(SIGNATURE);
    }
}
