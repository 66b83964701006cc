package io.calicogitops.flows;

import java.util.List;

/**
 * What {@link Recommender} proposes for a cluster: the policies, the observed traffic it did not turn into rules
 * and why, and how many records it read and used.
 */
public record Recommendation(String cluster, String tier, int minIntervals, List<RecommendedPolicy> policies,
                             List<Withheld> withheld, long recordsRead, long recordsUsed) {

    public Recommendation {
        policies = List.copyOf(policies);
        withheld = List.copyOf(withheld);
    }

    /** Observed unprotected traffic that got no rule, with the reason. */
    public record Withheld(String namespace, String direction, String what, String reason) {
    }
}
