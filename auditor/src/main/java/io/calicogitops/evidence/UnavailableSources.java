package io.calicogitops.evidence;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Optional;
import java.util.TreeMap;

/**
 * The sources of a build without {@code calico-gitops history} and the drift log: each contributes one JSON document
 * that says, in so many words, that this part is not available in this build, so that a reader of the bundle never
 * mistakes an absent history for an empty one.
 */
final class UnavailableSources implements EvidenceSources {

    static final String SCHEMA_VERSION = "calico-gitops/evidence/not-available/v1";

    @Override
    public SourceFiles history(EvidenceScope scope) {
        return unavailable(BundleLayout.HISTORY, "change history", "the history command (calico-gitops history) is not part of this build", scope);
    }

    @Override
    public SourceFiles driftLog(EvidenceScope scope) {
        return unavailable(BundleLayout.DRIFT_TIMELINE, "drift timeline", "the drift log (audit --record, log verify) is not part of this build", scope);
    }

    static SourceFiles unavailable(String path, String what, String why, EvidenceScope scope) {
        ObjectNode doc = JsonText.object();
        doc.put("schemaVersion", SCHEMA_VERSION);
        doc.put("available", false);
        doc.put("content", what);
        doc.put("reason", "not available in this build: " + why);
        doc.put("cluster", scope.cluster());
        doc.putObject("interval").put("since", scope.since().toString()).put("until", scope.until().toString());
        TreeMap<String, byte[]> files = new TreeMap<>();
        files.put(path, JsonText.bytes(doc));
        return new SourceFiles(false, what + ": not available in this build", Optional.empty(), files);
    }
}
