package io.calicogitops.flows;

import io.calicogitops.flows.FlowRecord.FlowAction;
import io.calicogitops.flows.ImpactRow.Change;
import io.calicogitops.flows.PolicyHit.HitAction;
import io.calicogitops.policy.Action;
import io.calicogitops.policy.Decision;
import io.calicogitops.policy.Evaluator;
import io.calicogitops.policy.Flow;
import io.calicogitops.policy.Policy;
import io.calicogitops.policy.Step;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Staged-policy impact from real traffic: for each record, whether enforcing the staged policies would deny a flow
 * allowed now or allow one denied now, from the record's own {@code pending_policies} (Calico's re-evaluation with
 * staged policies treated as enforced) and from the evaluator with Git's staged policies; summed per staged policy,
 * change, source/destination pair, port and deciding rule. Rows are aggregated as records stream by, so memory grows
 * with the distinct pairs, not the records.
 */
public final class Impact {

    private final Evaluator evaluator;
    private final RecordFlows flows;
    private final List<Policy> staged;
    private final Optional<String> only;
    private final Map<String, ImpactRow> rows = new TreeMap<>();
    private long records;
    private long notEvaluated;

    private Impact(FlowModel loaded, Optional<String> policy) {
        this.evaluator = loaded.model().compiled();
        this.flows = new RecordFlows(loaded.model().inventory(), loaded.sourcePorts());
        this.staged = loaded.model().policies().staged();
        this.only = policy;
    }

    /** Reads every file (malformed input: exit 3) and sums the impact of every staged policy, or of {@code policy} only. */
    public static ImpactResult run(FlowModel loaded, List<Path> files, Optional<String> policy) {
        Impact impact = new Impact(loaded, policy);
        FlowLogReader.read(files, false, impact::add);
        List<ImpactRow> out = new ArrayList<>(impact.rows.values());
        out.sort(ImpactRow.ORDER);
        return new ImpactResult(loaded.cluster(), loaded.policySource(), policy, impact.records, impact.notEvaluated, out);
    }

    private void add(FlowRecord r) {
        records++;
        boolean allowedNow = r.action() == FlowAction.ALLOW;
        Change recordedChange = null;
        String recordedPolicy = null;
        String recordedRule = null;
        if (!r.pending().isEmpty()) {
            PolicyHit last = r.pending().get(r.pending().size() - 1);
            if (last.action() != HitAction.PASS && (last.action() == HitAction.ALLOW) != allowedNow) {
                recordedChange = allowedNow ? Change.WOULD_DENY : Change.WOULD_ALLOW;
                PolicyHit responsible = last.staged() ? last
                        : r.pending().stream().filter(PolicyHit::staged).reduce((a, b) -> b).orElse(last);
                recordedPolicy = display(responsible.namespace(), TraceMatcher.normalise(responsible.tier(), responsible.name()));
                recordedRule = last.text();
            }
        }
        RecordFlows.Built built = flows.build(r);
        Change evaluatedChange = null;
        String evaluatedPolicy = null;
        String evaluatedRule = null;
        if (built.flow() == null) {
            notEvaluated++;
        } else {
            Flow f = built.flow();
            Decision now = evaluator.decision(f, RecordFlows.end(r.reporter()), allowedNow);
            Decision then = evaluator.stagedDecision(f, RecordFlows.end(r.reporter()), !now.allows());
            if (now.allows() != then.allows()) {
                evaluatedChange = now.allows() ? Change.WOULD_DENY : Change.WOULD_ALLOW;
                Step deciding = deciding(then);
                evaluatedPolicy = responsible(deciding);
                evaluatedRule = deciding == null ? "" : deciding.display();
            }
        }
        if (recordedChange != null && recordedChange == evaluatedChange && recordedPolicy.equals(evaluatedPolicy)) {
            put(r, recordedPolicy, recordedChange, recordedRule + " / " + evaluatedRule, "both");
            return;
        }
        if (recordedChange != null) {
            put(r, recordedPolicy, recordedChange, recordedRule, "recorded");
        }
        if (evaluatedChange != null) {
            put(r, evaluatedPolicy, evaluatedChange, evaluatedRule, "evaluated");
        }
    }

    private static Step deciding(Decision d) {
        Step last = null;
        for (Step s : d.steps()) {
            if (s.action() != Action.LOG) {
                last = s;
            }
        }
        return last;
    }

    // The staged policy behind the deciding step: the step's own policy when it is staged, else (an end of tier reached
    // because a staged policy now selects the endpoint, or a staged Delete) the first staged policy of the step's tier.
    private String responsible(Step s) {
        if (s == null) {
            return "(staged changes)";
        }
        for (Policy p : staged) {
            if (s.policy() != null && p.tier().equals(s.tier()) && p.namespace().equals(s.namespace())
                    && TraceMatcher.normalise(p.tier(), p.name()).equals(TraceMatcher.normalise(s.tier(), s.policy()))) {
                return display(p.namespace(), TraceMatcher.normalise(p.tier(), p.name()));
            }
        }
        return staged.stream().filter(p -> p.tier().equals(s.tier())).findFirst()
                .map(p -> display(p.namespace(), TraceMatcher.normalise(p.tier(), p.name()))).orElse("(staged changes)");
    }

    private static String display(String namespace, String name) {
        return namespace == null || namespace.isEmpty() ? name : namespace + "/" + name;
    }

    private void put(FlowRecord r, String policy, Change change, String rule, String basis) {
        if (only.isPresent() && !policy.equals(only.get()) && !policy.endsWith("/" + only.get())) {
            return;
        }
        String src = end(r.source());
        String dst = end(r.destination());
        String port = r.proto() + (r.destPort() == null ? "" : "/" + r.destPort());
        String key = String.join("\u0000", policy, change.id(), src, dst, port, rule, basis);
        ImpactRow old = rows.get(key);
        FlowCounts c = r.counts();
        rows.put(key, old == null ? new ImpactRow(policy, change, src, dst, port, rule, basis, 1, c)
                : new ImpactRow(policy, change, src, dst, port, rule, basis, old.records() + 1, old.counts().plus(c)));
    }

    private static String end(FlowEndpoint e) {
        return (e.namespace() == null ? "" : e.namespace() + "/") + e.nameAggr();
    }
}
