package io.calicogitops.evidence;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calicogitops.diag.ClusterAccessException;
import io.calicogitops.diag.InvalidInputException;
import io.calicogitops.diag.UsageException;
import io.calicogitops.policy.Diagram;
import io.calicogitops.query.EvaluationInput;
import io.calicogitops.query.EvaluationRequest;
import io.calicogitops.query.LoadedModel;
import io.calicogitops.query.Segmentation;
import io.calicogitops.query.SegmentationReport;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The segmentation check and the diagrams on the bundle's live state, as {@code check segmentation --live} and
 * {@code diagram --live} run them: the policies and workloads the cluster (or the snapshot files) hold, with the
 * profile's workloads, label and exceptions. A bundle that carries a live state must not claim segmentation from Git
 * alone: what PCI asks about is what is enforced. When the live state cannot be evaluated the bundle says why in
 * {@link BundleLayout#SEGMENTATION_LIVE} instead of falling back to Git.
 */
final class LiveEvaluation {

    static final String NOT_EVALUATED_SCHEMA = "calico-gitops/evidence/not-evaluated/v1";

    private LiveEvaluation() {
    }

    /** The live files for the bundle and one line for the index. */
    record Outcome(SortedMap<String, byte[]> files, String summary) {
    }

    static Outcome run(EvidenceScope scope, LiveInput live, Optional<Path> fleet, List<Path> workloads, SegmentationReport git) {
        RecordingLiveReader reader = new RecordingLiveReader(live);
        SortedMap<String, byte[]> files = new TreeMap<>();
        LoadedModel loaded;
        try {
            loaded = EvaluationInput.load(new EvaluationRequest(scope.repo(), scope.cluster(), scope.endCommit(), workloads,
                    fleet, Optional.of(reader), live.describe(), live.snapshotFiles(), List.of()));
        } catch (InvalidInputException | ClusterAccessException | UsageException e) {
            // The audit already read this source; an evaluation that cannot run is reported, not hidden behind Git's result.
            return notEvaluated(files, reader, live.redact(String.valueOf(e.getMessage())));
        }
        reader.snapshot().ifPresent(s -> files.put(BundleLayout.LIVE_EVALUATED, EvidenceCollector.snapshotYaml(s)));
        SegmentationReport seg = Segmentation.check(loaded, null);
        var r = seg.result();
        if (r.inScope().isEmpty() && !git.result().inScope().isEmpty()) {
            return notEvaluated(files, reader, "no workload in the live state carries " + r.label() + " (Git's evaluation found "
                    + git.result().inScope().size() + "): the live workloads are unknown, so there is nothing to prove");
        }
        Diagram all = Diagram.of(loaded.model(), loaded.model().compiled());
        Diagram data = all.touching(new HashSet<>(r.inScope()));
        files.put(BundleLayout.SEGMENTATION_LIVE, seg.json().getBytes(StandardCharsets.UTF_8));
        files.put(BundleLayout.SEGMENTATION_LIVE_TEXT, seg.text().getBytes(StandardCharsets.UTF_8));
        files.put(BundleLayout.NETWORK_DIAGRAM_LIVE, all.svg().getBytes(StandardCharsets.UTF_8));
        files.put(BundleLayout.DATA_FLOWS_LIVE, data.svg().getBytes(StandardCharsets.UTF_8));
        String summary = "live segmentation by " + r.label() + ": " + (r.holds() ? "holds" : "VIOLATED, "
                + r.violations().size() + " counter-examples") + " (" + r.inScope().size() + " in-scope workloads, "
                + r.flowsChecked() + " flows checked); live network diagram: " + loaded.model().inventory().workloads().size()
                + " workloads, " + all.edges().size() + " allowed flows";
        return new Outcome(files, summary);
    }

    private static Outcome notEvaluated(SortedMap<String, byte[]> files, RecordingLiveReader reader, String reason) {
        reader.snapshot().ifPresent(s -> files.put(BundleLayout.LIVE_EVALUATED, EvidenceCollector.snapshotYaml(s)));
        ObjectNode doc = JsonText.object();
        doc.put("schemaVersion", NOT_EVALUATED_SCHEMA);
        doc.put("evaluated", false);
        doc.put("content", "segmentation check and network diagram of the live state");
        doc.put("reason", reason);
        files.put(BundleLayout.SEGMENTATION_LIVE, JsonText.bytes(doc));
        return new Outcome(files, "live segmentation and diagram: NOT EVALUATED: " + reason);
    }
}
