package io.calicogitops.flows;

/**
 * One record the policies in Git do not explain. {@code source} is {@code <file>:<line>}; {@code recorded} and
 * {@code computed} are the two answers in trace form (empty when there is none, as for an unknown endpoint).
 */
public record Disagreement(String source, Category category, String recorded, String computed, String sentence) {

    /** Why a record disagrees; a record gets the first that applies, in this order. */
    public enum Category {
        /** An endpoint matches no known workload (or several), or cannot be modelled: the record cannot be replayed. */
        UNKNOWN_ENDPOINT("unknown-endpoint"),
        /** The trace names a policy Git does not have: the cluster runs something else (see {@code audit}). */
        POLICY_NOT_IN_GIT("policy-not-in-git"),
        /** The recorded verdict differs from Git's. */
        VERDICT("verdict"),
        /** Same verdict, but another tier, policy, rule or pass sequence decided. */
        DECIDING_RULE("deciding-rule"),
        /** The staged re-evaluation ({@code pending_policies}) differs from Git's staged answer. */
        STAGED_VERDICT("staged-verdict");

        private final String id;

        Category(String id) {
            this.id = id;
        }

        /** The stable identifier the JSON and JUnit reports use. */
        public String id() {
            return id;
        }
    }
}
