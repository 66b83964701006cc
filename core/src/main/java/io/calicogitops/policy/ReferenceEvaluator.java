package io.calicogitops.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The evaluator written straight from Calico's semantics (calico-semantics §2), with no caching: per endpoint and
 * direction, tiers in order; a tier takes part only if one of its policies selects the endpoint; policies in order;
 * rules in order; Allow and Deny final, Pass to the next tier, Log continues; a tier that took part but decided
 * nothing applies its default action; nothing decided: allow. Policies within a tier come in {@link Policy#ORDER}
 * (Felix's {@code PolKVLess}), tiers in {@link Tier#ORDER} ({@code TierLess}), as {@link PolicySet} sorts them.
 */
public final class ReferenceEvaluator implements Evaluator {

    private final PolicySet enforced;
    private final PolicySet staged;
    private final EntityMatcher matcher;

    public ReferenceEvaluator(PolicySet policies, Inventory inventory) {
        this.enforced = policies;
        this.staged = policies.stagedView();
        this.matcher = new EntityMatcher(inventory);
    }

    @Override
    public Verdicts evaluate(Flow flow) {
        return verdicts(enforced, flow);
    }

    @Override
    public Verdicts evaluateStaged(Flow flow) {
        return verdicts(staged, flow);
    }

    /**
     * The flow at every source port of its range: the range is cut wherever any source-port constraint of any rule
     * of the set starts or stops holding, and each piece is evaluated at one of its ports.
     */
    private Verdicts verdicts(PolicySet set, Flow flow) {
        if (!flow.hasSourcePort()) {
            return Verdicts.single(flow, verdict(set, flow, -1));
        }
        int[] cuts = set.policies().stream().flatMap(p -> Stream.concat(p.ingress().stream(), p.egress().stream()))
                .flatMapToInt(r -> EntityMatcher.cuts(r.source(), flow.source())).distinct().sorted().toArray();
        return Verdicts.over(flow, cuts, port -> verdict(set, flow, port));
    }

    private Verdict verdict(PolicySet set, Flow flow, int sourcePort) {
        return new Verdict(flow, decide(set, flow.source(), Direction.EGRESS, flow, sourcePort),
                decide(set, flow.destination(), Direction.INGRESS, flow, sourcePort));
    }

    private Decision decide(PolicySet set, Endpoint ep, Direction d, Flow flow, int sourcePort) {
        if (ep.external()) {
            return new Decision(d, ep.display(), Outcome.EXTERNAL, List.of());
        }
        List<Step> steps = new ArrayList<>();
        boolean tookPart = false;
        for (Tier tier : set.effectiveTiers()) {
            List<Policy> applicable = set.inTier(tier.name()).stream()
                    .filter(p -> p.types().contains(d) && matcher.applies(p, ep)).toList();
            if (applicable.isEmpty()) {
                continue;
            }
            tookPart = true;
            Action result = tierResult(applicable, tier, d, flow, sourcePort, steps);
            if (result == Action.ALLOW) {
                return new Decision(d, ep.display(), Outcome.ALLOWED_BY_RULE, steps);
            }
            if (result == Action.DENY) {
                boolean endOfTier = steps.get(steps.size() - 1).endOfTier();
                return new Decision(d, ep.display(), endOfTier ? Outcome.DENIED_END_OF_TIER : Outcome.DENIED_BY_RULE, steps);
            }
        }
        return new Decision(d, ep.display(), tookPart ? Outcome.ALLOWED_AFTER_PASS : Outcome.NO_POLICY, steps);
    }

    private Action tierResult(List<Policy> applicable, Tier tier, Direction d, Flow flow, int sourcePort, List<Step> steps) {
        for (Policy p : applicable) {
            for (Rule r : p.rules(d)) {
                if (!matcher.matches(p, r, d, flow, sourcePort)) {
                    continue;
                }
                steps.add(new Step(tier.name(), p.namespace(), p.name(), r.index(), r.action()));
                if (r.action() != Action.LOG) {
                    return r.action();
                }
            }
        }
        steps.add(new Step(tier.name(), "", null, 0, tier.defaultAction()));
        return tier.defaultAction();
    }
}
