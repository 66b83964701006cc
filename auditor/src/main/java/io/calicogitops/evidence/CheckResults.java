package io.calicogitops.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import io.calicogitops.query.SegmentationReport;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the checks in a bundle found, read back from the bundle's own files (segmentation check, drift report, drift
 * log verification), so that a PCI status says only what a file in the bundle shows, never what the code assumed.
 */
final class CheckResults {

    private CheckResults() {
    }

    /** One segmentation check as its file states it: evaluated or why not, holds, in-scope count, counter-examples. */
    record Segmentation(String path, boolean evaluated, boolean holds, int inScope, List<String> counterExamples, String reason) {

        boolean violated() {
            return evaluated && !holds;
        }

        /** "holds", "VIOLATED, 24 counter-examples", "nothing to prove (...)" or "not evaluated (...)". */
        String words() {
            if (!evaluated) {
                return "not evaluated (" + reason + ")";
            }
            if (inScope == 0) {
                return "nothing to prove (no in-scope workload)";
            }
            return holds ? "holds" : "VIOLATED, " + counterExamples.size() + " counter-examples";
        }

        /** Evaluated, with in-scope workloads, and no allowed flow across the boundary. */
        boolean proves() {
            return evaluated && holds && inScope > 0;
        }
    }

    /** The drift report's verdict: in sync, or how many resources differ and how badly. */
    record Drift(boolean inSync, String worst, long differing) {
    }

    /** The flow replay's counts ({@code observed/flow-replay.json}). */
    record Replay(long records, long disagreed, long skipped) {
        boolean agrees() {
            return records > 0 && disagreed == 0 && skipped == 0;
        }
    }

    static Optional<Replay> replay(BundleFacts f) {
        byte[] bytes = f.files().get(BundleLayout.FLOW_REPLAY);
        if (bytes == null) {
            return Optional.empty();
        }
        JsonNode n = JsonText.parse(bytes, BundleLayout.FLOW_REPLAY);
        return Optional.of(new Replay(n.path("records").asLong(), n.path("disagreed").asLong(), n.path("skipped").asLong()));
    }

    static Optional<Segmentation> segmentation(BundleFacts f, String path) {
        byte[] bytes = f.files().get(path);
        if (bytes == null) {
            return Optional.empty();
        }
        JsonNode n = JsonText.parse(bytes, path);
        if (!n.path("schemaVersion").asText().equals(SegmentationReport.SCHEMA)) {
            return Optional.of(new Segmentation(path, false, false, 0, List.of(), n.path("reason").asText("not evaluated")));
        }
        List<String> examples = new ArrayList<>();
        for (JsonNode v : n.path("violations")) {
            JsonNode flow = v.path("flow");
            examples.add(flow.path("from").asText() + " -> " + flow.path("to").asText() + " " + flow.path("protocol").asText()
                    + (flow.has("port") ? "/" + flow.path("port").asText() : ""));
        }
        return Optional.of(new Segmentation(path, true, n.path("holds").asBoolean(false), n.path("inScope").size(), examples, ""));
    }

    static Optional<Drift> drift(BundleFacts f) {
        byte[] bytes = f.files().get(BundleLayout.DRIFT_JSON);
        if (bytes == null) {
            return Optional.empty();
        }
        JsonNode n = JsonText.parse(bytes, BundleLayout.DRIFT_JSON);
        long differing = 0;
        for (JsonNode e : n.path("resources")) {
            String s = e.path("status").asText();
            if (s.equals("modified") || s.equals("missing") || s.equals("unmanaged")) {
                differing++;
            }
        }
        return Optional.of(new Drift(n.path("inSync").asBoolean(false), n.path("worstSeverity").asText(), differing));
    }

    /** Whether the drift log's hash chain verified at export, as its verification file says; empty without that file. */
    static Optional<Boolean> driftLogValid(BundleFacts f) {
        byte[] bytes = f.files().get(BundleLayout.DRIFT_LOG_VERIFY);
        if (bytes == null) {
            return Optional.empty();
        }
        JsonNode n = JsonText.parse(bytes, BundleLayout.DRIFT_LOG_VERIFY);
        return n.has("valid") ? Optional.of(n.path("valid").asBoolean(false)) : Optional.empty();
    }
}
