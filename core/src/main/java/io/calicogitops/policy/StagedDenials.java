package io.calicogitops.policy;

import io.calicogitops.diag.Diagnostic;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** CG-L004: staged policies that, once enforced, would deny flows between known workloads that are allowed now. */
final class StagedDenials {

    private final ClusterModel model;

    StagedDenials(ClusterModel model) {
        this.model = model;
    }

    List<Diagnostic> findings() {
        PolicySet set = model.policies();
        if (!set.hasStaged()) {
            return List.of();
        }
        CompiledEvaluator eval = new CompiledEvaluator(set, model.inventory());
        EntityMatcher matcher = new EntityMatcher(model.inventory());
        Map<Policy, List<Verdict>> byPolicy = new LinkedHashMap<>();
        Inventory inv = model.inventory();
        for (Endpoint from : inv.workloads()) {
            for (Endpoint to : inv.workloads()) {
                if (from == to) {
                    continue;
                }
                for (DestinationPorts.ProtoPort p : DestinationPorts.of(to, inv)) {
                    Flow f = new Flow(from, to, p.protocol(), p.port());
                    Verdicts now = eval.evaluate(f);
                    if (!now.anyAllowed()) {
                        continue;
                    }
                    Verdicts all = eval.evaluateStaged(f);
                    // A source-port sub-range allowed now and denied once staged policies are enforced.
                    Verdict staged = java.util.Arrays.stream(now.starts(all)).mapToObj(port -> now.at(port).allowed() ? all.at(port) : null)
                            .filter(v -> v != null && !v.allowed()).findFirst().orElse(null);
                    if (staged == null) {
                        continue;
                    }
                    Decision deciding = staged.deciding().get(0);
                    Endpoint at = deciding.direction() == Direction.EGRESS ? f.source() : f.destination();
                    Policy blamed = blame(set, deciding, at, matcher);
                    if (blamed != null) {
                        byPolicy.computeIfAbsent(blamed, k -> new ArrayList<>()).add(staged);
                    }
                }
            }
        }
        List<Diagnostic> out = new ArrayList<>();
        byPolicy.forEach((p, vs) -> out.add(Diagnostic.warning(p.where(), LintCode.CG_L004.code() + ": staged policy "
                + p.display() + " would deny " + vs.size() + " flow" + (vs.size() == 1 ? "" : "s") + " allowed now, e.g. "
                + vs.get(0).flow().display() + " (" + vs.get(0).deciding().get(0).display() + ")",
                "'calico-gitops promote --dry-run' lists every one of them; allow the flows it should keep before enforcing it")));
        return out;
    }

    /**
     * The staged policy that decided the denial: its rule matched, or its tier's end-of-tier Deny applied. For the
     * end of tier, a staged policy of the tier that applies to the endpoint in that direction is blamed first: it is
     * what made the tier apply there (a staged policy of the same tier for other workloads did not).
     */
    private static Policy blame(PolicySet set, Decision d, Endpoint at, EntityMatcher matcher) {
        Step last = d.steps().isEmpty() ? null : d.steps().get(d.steps().size() - 1);
        if (last == null) {
            return null;
        }
        if (last.endOfTier()) {
            for (Policy s : set.staged()) {
                if (s.tier().equals(last.tier()) && s.types().contains(d.direction()) && matcher.applies(s, at)) {
                    return s;
                }
            }
        }
        for (Policy s : set.staged()) {
            boolean sameTier = s.tier().equals(last.tier());
            if (sameTier && (last.endOfTier() || s.name().equals(last.policy()) && s.namespace().equals(last.namespace()))) {
                return s;
            }
        }
        return null;
    }
}
