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

    /**
     * One side only: egress at the source or ingress at the destination, with the same source-port splits that side
     * has in {@link #evaluate}; the other side of each part is a placeholder ({@code NO_POLICY}, "(not evaluated)").
     */
    public Verdicts evaluate(Flow flow, Direction only) {
        return enforced.verdicts(flow, only);
    }

    /** {@link #evaluate(Flow, Direction)} with every staged policy enforced. */
    public Verdicts evaluateStaged(Flow flow, Direction only) {
        return staged.verdicts(flow, only);
    }
}
