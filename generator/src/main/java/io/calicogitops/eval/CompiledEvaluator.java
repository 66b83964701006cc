package io.calicogitops.eval;

/** Placeholder replaced below. */
public final class CompiledEvaluator implements Evaluator {
    private final ReferenceEvaluator ref;

    public CompiledEvaluator(PolicySet policies, Inventory inventory) {
        this.ref = new ReferenceEvaluator(policies, inventory);
    }

    @Override
    public Verdict evaluate(Flow flow) {
        return ref.evaluate(flow);
    }

    @Override
    public Verdict evaluateStaged(Flow flow) {
        return ref.evaluateStaged(flow);
    }
}
