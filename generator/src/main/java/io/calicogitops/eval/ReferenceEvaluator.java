package io.calicogitops.eval;

import java.util.ArrayList;
import java.util.List;

/**
 * The evaluator written straight from Calico's semantics (calico-semantics §2), with no caching: per endpoint and
 * direction, tiers in order; a tier takes part only if one of its policies selects the endpoint; policies in order;
 * rules in order; Allow and Deny final, Pass to the next tier, Log continues; a tier that took part but decided
 * nothing applies its default action; nothing decided: allow.
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
    public Verdict evaluate(Flow flow) {
        return verdict(enforced, flow);
    }

    @Override
    public Verdict evaluateStaged(Flow flow) {
        return verdict(staged, flow);
    }

    private Verdict verdict(PolicySet set, Flow flow) {
        return new Verdict(flow, decide(set, flow.source(), Direction.EGRESS, flow),
                decide(set, flow.destination(), Direction.INGRESS, flow));
    }

    private Decision decide(PolicySet set, Endpoint ep, Direction d, Flow flow) {
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
            Action result = tierResult(applicable, tier, d, flow, steps);
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

    private Action tierResult(List<Policy> applicable, Tier tier, Direction d, Flow flow, List<Step> steps) {
        for (Policy p : applicable) {
            for (Rule r : p.rules(d)) {
                if (!matcher.matches(p, r, d, flow)) {
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
