package io.calicogitops.flows;

import io.calicogitops.flows.Disagreement.Category;
import io.calicogitops.flows.FlowRecord.FlowAction;
import io.calicogitops.flows.PolicyHit.HitAction;
import io.calicogitops.policy.Decision;
import io.calicogitops.policy.Evaluator;
import io.calicogitops.policy.Flow;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Replays observed flow-log records against the policies in Git: each record's endpoints are rebuilt
 * ({@link EndpointResolver}), the flow evaluated with the compiled evaluator, and the record's side compared (src =
 * egress at the source, dst = ingress at the destination): the verdict, the enforced trace, and the staged
 * re-evaluation ({@code pending_policies}) against the evaluator's staged answer.
 */
public final class Replay {

    private final Evaluator evaluator;
    private final RecordFlows flows;
    private final TraceMatcher matcher;

    public Replay(FlowModel loaded) {
        this.evaluator = loaded.model().compiled();
        this.flows = new RecordFlows(loaded.model().inventory(), loaded.sourcePorts());
        this.matcher = new TraceMatcher(loaded.model().policies());
    }

    /** Reads and replays every file; throws (exit 3) on malformed input unless {@code skipMalformed}. */
    public static ReplayResult run(FlowModel loaded, List<Path> files, boolean skipMalformed) {
        Replay replay = new Replay(loaded);
        List<Disagreement> disagreements = new ArrayList<>();
        long[] agreed = {0};
        FlowLogReader.Summary s = FlowLogReader.read(files, skipMalformed, r -> replay.check(r).ifPresentOrElse(disagreements::add, () -> agreed[0]++));
        return new ReplayResult(loaded.cluster(), loaded.policySource(), files.stream().map(Path::toString).toList(),
                s.records() + s.skipped().size(), agreed[0], disagreements.size(), s.skipped(), disagreements);
    }

    /** The record's disagreement with Git, or empty when Git explains it. */
    public Optional<Disagreement> check(FlowRecord r) {
        RecordFlows.Built built = flows.build(r);
        if (built.flow() == null) {
            return Optional.of(unknown(source(r), r, built.reason()));
        }
        Flow flow = built.flow();
        boolean recordedAllow = r.action() == FlowAction.ALLOW;
        Decision enforced = evaluator.decision(flow, RecordFlows.end(r.reporter()), recordedAllow);
        Optional<PolicyHit> missing = matcher.notInGit(r.enforced()).or(() -> matcher.notInGit(r.pending()));
        String ns = r.tracedEndpoint().namespace();
        // Without a recorded trace there is nothing to compare the computed one with: it is built only for the text.
        boolean traced = r.policiesRecorded() && !r.enforced().isEmpty();
        List<TraceMatcher.Expected> computed = traced ? TraceMatcher.expected(enforced, ns) : null;
        boolean traceDiffers = traced && !TraceMatcher.same(r.enforced(), computed);
        boolean pendingDecides = !r.pending().isEmpty() && r.pending().get(r.pending().size() - 1).action() != HitAction.PASS;
        boolean pendingAllow = pendingDecides && r.pending().get(r.pending().size() - 1).action() == HitAction.ALLOW;
        // The staged answer is needed only when the pending trace decides; texts only for a disagreement.
        Decision staged = pendingDecides ? evaluator.stagedDecision(flow, RecordFlows.end(r.reporter()), pendingAllow) : null;
        boolean stagedDiffers = staged != null && staged.allows() != pendingAllow;
        if (missing.isEmpty() && enforced.allows() == recordedAllow && !traceDiffers && !stagedDiffers) {
            return Optional.empty(); // the common case: no text is built for a record that agrees
        }
        String source = source(r);
        String recordedTrace = TraceMatcher.recordedText(r.enforced());
        String computedTrace = TraceMatcher.computedText(computed != null ? computed : TraceMatcher.expected(enforced, ns));
        String flowText = describe(r);
        if (missing.isPresent()) {
            return Optional.of(new Disagreement(source, Category.POLICY_NOT_IN_GIT, recordedTrace, computedTrace,
                    flowText + ": the trace names " + missing.get().text() + ", which Git does not have; the cluster runs "
                            + "policies that are not in Git (run audit to see them)"));
        }
        if (enforced.allows() != recordedAllow) {
            return Optional.of(new Disagreement(source, Category.VERDICT, word(recordedAllow) + " " + recordedTrace,
                    word(enforced.allows()) + " " + computedTrace, flowText + ": the dataplane recorded " + word(recordedAllow)
                            + ", the policies in Git " + word(enforced.allows())));
        }
        if (traceDiffers) {
            return Optional.of(new Disagreement(source, Category.DECIDING_RULE, recordedTrace, computedTrace,
                    flowText + ": both " + word(recordedAllow) + ", but the dataplane's trace [" + recordedTrace
                            + "] is not Git's [" + computedTrace + "]"));
        }
        String pendingTrace = TraceMatcher.recordedText(r.pending());
        String stagedTrace = TraceMatcher.computedText(TraceMatcher.expected(staged, ns));
        return Optional.of(new Disagreement(source, Category.STAGED_VERDICT, word(pendingAllow) + " " + pendingTrace,
                word(staged.allows()) + " " + stagedTrace, flowText + ": with staged policies enforced the dataplane computed "
                        + word(pendingAllow) + ", the staged policies in Git " + word(staged.allows())));
    }

    private static String source(FlowRecord r) {
        return r.origin().file() + ":" + r.origin().line();
    }

    private static Disagreement unknown(String source, FlowRecord r, String why) {
        return new Disagreement(source, Category.UNKNOWN_ENDPOINT, TraceMatcher.recordedText(r.enforced()), "",
                describe(r) + ": " + why + "; the record cannot be replayed");
    }

    static String describe(FlowRecord r) {
        return name(r.source()) + " -> " + name(r.destination()) + " " + r.proto() + (r.destPort() == null ? "" : "/" + r.destPort())
                + " (" + r.reporter().name().toLowerCase(java.util.Locale.ROOT) + ")";
    }

    private static String name(FlowEndpoint e) {
        return (e.namespace() == null ? "" : e.namespace() + "/") + (e.name() != null ? e.name() : e.nameAggr());
    }

    private static String word(boolean allow) {
        return allow ? "allow" : "deny";
    }
}
