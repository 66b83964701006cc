package io.calicogitops.flows;

import java.util.List;

/**
 * What {@link Recommender} proposes for a cluster: the policies, the observed traffic it did not turn into rules
 * and why, how many records it read and used, and how many carried no policy trace at all (Felix's
 * {@code flowLogsFileIncludePolicies} off: nothing tells whether a policy addressed them, so they are never used).
 */
public record Recommendation(String cluster, String tier, int minIntervals, List<RecommendedPolicy> policies,
                             List<Withheld> withheld, long recordsRead, long recordsUsed, long recordsWithoutTrace) {

    public Recommendation {
        policies = List.copyOf(policies);
        withheld = List.copyOf(withheld);
    }

    /** Observed unprotected traffic that got no rule, with the reason. */
    public record Withheld(String namespace, String direction, String what, String reason) {
    }
}
