package io.calicogitops.flows;

import java.util.Comparator;

/**
 * Observed flows one staged policy would change if enforced, for one source/destination pair and deciding rule.
 * {@code basis} says who found it: {@code recorded} (the records' {@code pending_policies}), {@code evaluated} (the
 * evaluator with Git's staged policies) or {@code both}.
 */
public record ImpactRow(String policy, Change change, String source, String destination, String port, String decidingRule,
                        String basis, long records, FlowCounts counts) {

    /** Policy, change, source, destination, port, rule: the report's order. */
    public static final Comparator<ImpactRow> ORDER = Comparator.comparing(ImpactRow::policy).thenComparing(ImpactRow::change)
            .thenComparing(ImpactRow::source).thenComparing(ImpactRow::destination).thenComparing(ImpactRow::port)
            .thenComparing(ImpactRow::decidingRule).thenComparing(ImpactRow::basis);

    /** What enforcing the staged policy would do to the flow. */
    public enum Change {
        WOULD_DENY("would-deny"), WOULD_ALLOW("would-allow");

        private final String id;

        Change(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }
    }
}
