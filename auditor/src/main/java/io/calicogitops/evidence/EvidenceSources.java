package io.calicogitops.evidence;

/**
 * Where a bundle's change history and drift timeline come from: the {@code history} command's report and the drift
 * log, as far as this build has them. Each method returns the files for the bundle ({@link BundleLayout#HISTORY}
 * and its CSV and events; {@link BundleLayout#DRIFT_TIMELINE} and the log's verification).
 */
public interface EvidenceSources {

    /** The change history of the cluster's folder over the interval. */
    SourceFiles history(EvidenceScope scope);

    /** The drift log's timeline over the interval and the result of verifying the log. */
    SourceFiles driftLog(EvidenceScope scope);

    /**
     * The evaluator's evidence at the end commit: the segmentation check ({@link BundleLayout#SEGMENTATION}) and the
     * network and data-flow diagrams. It needs the cluster's workloads, so by default it is not included.
     */
    default SourceFiles evaluation(EvidenceScope scope) {
        return new SourceFiles(false, "segmentation check and network diagram: not included (export with --fleet DIR or --workloads PATH)",
                java.util.Optional.empty(), new java.util.TreeMap<>());
    }

    /** The sources this build has: the history command and the drift log. */
    static EvidenceSources standard() {
        return new BuildSources();
    }

    /** Sources that say, in so many words, that history and drift log are not available (builds without them, tests). */
    static EvidenceSources unavailable() {
        return new UnavailableSources();
    }
}
