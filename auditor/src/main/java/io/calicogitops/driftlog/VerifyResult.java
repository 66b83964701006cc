package io.calicogitops.driftlog;

import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What {@code log verify} found: the branch tip checked (empty when nothing was ever recorded), how many commits and
 * entries per cluster, every problem, branch problems first, then by entry path (the first is the first broken
 * link), whether signatures were checked against a public key, and how many entries carry one.
 */
public record VerifyResult(Optional<String> tip, int commits, SortedMap<String, Long> entries, List<LogProblem> problems,
                           boolean signaturesChecked, long signedEntries) {

    public VerifyResult {
        entries = Collections.unmodifiableSortedMap(new TreeMap<>(entries));
        problems = List.copyOf(problems);
    }

    public boolean valid() {
        return problems.isEmpty();
    }

    public Optional<LogProblem> firstProblem() {
        return problems.stream().findFirst();
    }

    public long totalEntries() {
        return entries.values().stream().mapToLong(Long::longValue).sum();
    }
}
