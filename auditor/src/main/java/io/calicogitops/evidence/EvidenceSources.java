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

    /** The sources this build has: the history command and the drift log. */
    static EvidenceSources standard() {
        return new BuildSources();
    }

    /** Sources that say, in so many words, that history and drift log are not available (builds without them, tests). */
    static EvidenceSources unavailable() {
        return new UnavailableSources();
    }
}
