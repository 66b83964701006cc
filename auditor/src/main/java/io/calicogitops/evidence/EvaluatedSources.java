package io.calicogitops.evidence;

import io.calicogitops.flows.Replay;
import io.calicogitops.flows.ReplayReport;
import io.calicogitops.flows.ReplayResult;
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
 * The standard sources plus the evaluator's evidence at the end commit: the segmentation check (JSON and text), the
 * network diagram (every allowed flow) and the data-flow diagram (flows into and out of in-scope workloads), as SVG;
 * and, when the bundle has a live state, the same on the live state ({@link LiveEvaluation}); and, with flow logs, the
 * replay of the observed records against the policies at the end commit ({@link BundleLayout#FLOW_REPLAY}).
 */
public final class EvaluatedSources implements EvidenceSources {

    private final EvidenceSources base;
    private final Optional<Path> fleet;
    private final List<Path> workloads;
    private final List<Path> flowLogs;

    public EvaluatedSources(EvidenceSources base, Optional<Path> fleet, List<Path> workloads) {
        this(base, fleet, workloads, List.of());
    }

    /** With flow-log files to replay (none: no observed-traffic section). Malformed records fail the export (exit 3). */
    public EvaluatedSources(EvidenceSources base, Optional<Path> fleet, List<Path> workloads, List<Path> flowLogs) {
        this.base = base;
        this.fleet = fleet;
        this.workloads = List.copyOf(workloads);
        this.flowLogs = List.copyOf(flowLogs);
    }

    @Override
    public SourceFiles history(EvidenceScope scope) {
        return base.history(scope);
    }

    @Override
    public SourceFiles driftLog(EvidenceScope scope) {
        return base.driftLog(scope);
    }

    @Override
    public SourceFiles evaluation(EvidenceScope scope) {
        LoadedModel loaded = EvaluationInput.load(new EvaluationRequest(scope.repo(), scope.cluster(), scope.endCommit(),
                workloads, fleet, Optional.empty(), "", List.of(), List.of()));
        SegmentationReport seg = Segmentation.check(loaded, null);
        Diagram all = Diagram.of(loaded.model(), loaded.model().compiled(), loaded.sourcePorts());
        Diagram data = all.touching(new HashSet<>(seg.result().inScope()));
        SortedMap<String, byte[]> files = new TreeMap<>();
        files.put(BundleLayout.SEGMENTATION, seg.json().getBytes(StandardCharsets.UTF_8));
        files.put(BundleLayout.SEGMENTATION_TEXT, seg.text().getBytes(StandardCharsets.UTF_8));
        files.put(BundleLayout.NETWORK_DIAGRAM, all.svg().getBytes(StandardCharsets.UTF_8));
        files.put(BundleLayout.DATA_FLOWS, data.svg().getBytes(StandardCharsets.UTF_8));
        var r = seg.result();
        String summary = "segmentation by " + r.label() + " in Git: " + (r.holds() ? "holds" : "VIOLATED") + " (" + r.inScope().size()
                + " in-scope workloads, " + r.flowsChecked() + " flows checked); network diagram: "
                + loaded.model().inventory().workloads().size() + " workloads, " + all.edges().size() + " allowed flows";
        if (!flowLogs.isEmpty()) {
            ReplayResult replay = Replay.run(new io.calicogitops.flows.FlowModel(loaded.model(), loaded.sourcePorts(), loaded.cluster(), loaded.policySource()), flowLogs, false);
            ReplayReport report = new ReplayReport(replay);
            files.put(BundleLayout.FLOW_REPLAY, report.json().getBytes(StandardCharsets.UTF_8));
            files.put(BundleLayout.FLOW_REPLAY_TEXT, report.text().getBytes(StandardCharsets.UTF_8));
            summary = summary + "; observed traffic: " + replay.records() + " flow-log records replayed, "
                    + (replay.agrees() ? "all agree with Git" : replay.disagreed() + " disagree with Git");
        }
        if (scope.live().isPresent()) {
            LiveEvaluation.Outcome live = LiveEvaluation.run(scope, scope.live().get(), fleet, workloads, seg);
            files.putAll(live.files());
            summary = summary + "; " + live.summary();
        } else {
            summary = summary + "; computed from Git only: the bundle has no live state";
        }
        // Violations and "nothing to prove" are not caveats here: the PCI mapping reads them from the files above.
        return new SourceFiles(true, summary, Optional.empty(), files);
    }
}
