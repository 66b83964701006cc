package io.calicogitops.policy;

/** Answers whether a flow is allowed under a policy set, with the trace that decided. */
public interface Evaluator {

    /** The verdict for every source port of the flow's range, split where it changes. */
    Verdicts evaluate(Flow flow);

    /** The verdicts if every staged policy were enforced (equal to {@link #evaluate} when there is none). */
    Verdicts evaluateStaged(Flow flow);

    /** {@link Verdicts#side} of {@link #evaluate}: one end's decision (an implementation may skip the other end). */
    default Decision decision(Flow flow, Direction end, boolean prefer) {
        return evaluate(flow).side(end, prefer);
    }

    /** {@link Verdicts#side} of {@link #evaluateStaged}. */
    default Decision stagedDecision(Flow flow, Direction end, boolean prefer) {
        return evaluateStaged(flow).side(end, prefer);
    }
}
