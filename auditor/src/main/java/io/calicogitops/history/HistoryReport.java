package io.calicogitops.history;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What happened to the Calico resources of one cluster (or every cluster) in an interval: the commits oldest first,
 * the drift timeline, counts, and warnings (files that could not be read as resources at some commit).
 */
public record HistoryReport(String ref, Optional<String> headCommit, Optional<String> cluster, Interval interval,
                            List<HistoryCommit> commits, DriftTimelineView drift, List<String> warnings) {

    public HistoryReport {
        Objects.requireNonNull(ref, "ref");
        headCommit = headCommit == null ? Optional.empty() : headCommit;
        cluster = cluster == null ? Optional.empty() : cluster;
        Objects.requireNonNull(interval, "interval");
        commits = List.copyOf(commits);
        drift = drift == null ? DriftTimelineView.empty() : drift;
        warnings = List.copyOf(warnings);
    }

    /** Counts over every cluster in the report. */
    public HistorySummary summary() {
        return HistorySummary.of(commits, r -> true);
    }

    /** Counts per cluster, by name; the requested cluster is present even when nothing changed. */
    public SortedMap<String, HistorySummary> clusterSummaries() {
        TreeSet<String> names = new TreeSet<>();
        cluster.ifPresent(names::add);
        commits.forEach(c -> c.changes().forEach(r -> names.add(r.cluster())));
        SortedMap<String, HistorySummary> out = new TreeMap<>();
        for (String name : names) {
            out.put(name, HistorySummary.of(commits, r -> r.cluster().equals(name)));
        }
        return out;
    }

    /** Whether the changes span more than one cluster, so that reports group them by cluster. */
    public boolean manyClusters() {
        return commits.stream().flatMap(c -> c.changes().stream()).map(ResourceChange::cluster).distinct().count() > 1;
    }
}
