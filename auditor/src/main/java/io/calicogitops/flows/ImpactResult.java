package io.calicogitops.flows;

import java.util.List;
import java.util.Optional;

/**
 * The staged impact of observed traffic: every row, the records read, and how many the evaluator could not rebuild
 * (their recorded {@code pending_policies} still count). {@code policy} is the one asked about, if any.
 */
public record ImpactResult(String cluster, String policySource, Optional<String> policy, long records, long notEvaluated,
                           List<ImpactRow> rows) {

    public ImpactResult {
        rows = List.copyOf(rows);
    }

    /** True when enforcing would deny some observed flow: real traffic would be cut. */
    public boolean cutsTraffic() {
        return rows.stream().anyMatch(r -> r.change() == ImpactRow.Change.WOULD_DENY);
    }
}
