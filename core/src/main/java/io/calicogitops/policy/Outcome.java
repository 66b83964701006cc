package io.calicogitops.policy;

/** How one end's evaluation ended. */
public enum Outcome {
    /** An Allow rule matched. */
    ALLOWED_BY_RULE(true),
    /** A Deny rule matched. */
    DENIED_BY_RULE(false),
    /** A tier took part, no rule decided, its default action Deny applied. */
    DENIED_END_OF_TIER(false),
    /** Tiers took part but every one passed: the endpoint's profile allows. */
    ALLOWED_AFTER_PASS(true),
    /** No policy selects the endpoint for this direction. */
    NO_POLICY(true),
    /** An endpoint outside the cluster: no policy is evaluated there. */
    EXTERNAL(true);

    private final boolean allows;

    Outcome(boolean allows) {
        this.allows = allows;
    }

    public boolean allows() {
        return allows;
    }
}
