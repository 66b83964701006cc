package io.calicogitops.policy;

/**
 * The fast evaluator: the same semantics as {@link ReferenceEvaluator} on a compiled form (see
 * {@link CompiledPolicySet}). A seeded property test keeps the two in agreement.
 */
public final class CompiledEvaluator implements Evaluator {

    private final CompiledPolicySet enforced;
    private final CompiledPolicySet staged;

    public CompiledEvaluator(PolicySet policies, Inventory inventory) {
        EntityMatcher matcher = new EntityMatcher(inventory);
        this.enforced = new CompiledPolicySet(policies, matcher, inventory);
        this.staged = policies.hasStaged() ? new CompiledPolicySet(policies.stagedView(), matcher, inventory) : enforced;
    }

    @Override
    public Verdicts evaluate(Flow flow) {
        return enforced.verdicts(flow);
    }

    @Override
    public Verdicts evaluateStaged(Flow flow) {
        return staged.verdicts(flow);
    }

    /** Only the asked end is decided when no rule at either end splits the flow by source port (the common case). */
    @Override
    public Decision decision(Flow flow, Direction end, boolean prefer) {
        Decision d = enforced.unsplit(flow, end);
        return d != null ? d : evaluate(flow).side(end, prefer);
    }

    @Override
    public Decision stagedDecision(Flow flow, Direction end, boolean prefer) {
        Decision d = staged.unsplit(flow, end);
        return d != null ? d : evaluateStaged(flow).side(end, prefer);
    }
}
