package io.calicogitops.flows;

import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The replay of every record: counts, the disagreements in input order and the records {@code --skip-malformed} left
 * out. {@code records} counts every record read, skipped ones included; {@code agreed + disagreed + skipped == records}.
 */
public record ReplayResult(String cluster, String policySource, List<String> inputs, long records, long agreed,
                           long disagreed, List<FlowLogReader.Skipped> skipped, List<Disagreement> disagreements) {

    public ReplayResult {
        inputs = List.copyOf(inputs);
        skipped = List.copyOf(skipped);
        disagreements = List.copyOf(disagreements);
    }

    /** True when every replayed record agrees with Git (what evidence may call "consistent"). */
    public boolean agrees() {
        return disagreed == 0;
    }

    /** Disagreements per category id, sorted. */
    public SortedMap<String, Long> byCategory() {
        SortedMap<String, Long> out = new TreeMap<>();
        disagreements.forEach(d -> out.merge(d.category().id(), 1L, Long::sum));
        return out;
    }
}
