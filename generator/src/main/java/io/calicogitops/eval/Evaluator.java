package io.calicogitops.eval;

/** Answers whether a flow is allowed under a policy set, with the trace that decided. */
public interface Evaluator {

    Verdict evaluate(Flow flow);

    /** The verdict if every staged policy were enforced (equal to {@link #evaluate} when there is none). */
    Verdict evaluateStaged(Flow flow);
}
