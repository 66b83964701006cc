package io.calicogitops.audit;

import java.util.List;
import java.util.Map;

/**
 * The answer to "is what runs in cluster X exactly what Git says?": the commit compared, where the live state came
 * from, every resource's entry (sorted by kind, namespace, name), counts per status, the policy coverage and the live
 * snapshot compared, with Secret values masked ({@link Secrets#masked(LiveSnapshot)}) so that it can be logged, sent
 * or written: what the audit read is returned once, not captured again by each caller (a cluster may change between
 * two reads).
 */
public record AuditReport(String cluster, String desiredCommit, String desiredRef, String liveSource,
                          List<DriftEntry> entries, Coverage coverage, List<String> expiredIgnoreRules, LiveSnapshot live) {

    public AuditReport {
        entries = List.copyOf(entries);
        expiredIgnoreRules = List.copyOf(expiredIgnoreRules);
        // Masked here, whoever builds the report: values never leave in an output.
        live = Secrets.masked(live == null ? new LiveSnapshot(liveSource, List.of(), List.of()) : live);
    }

    /** A report without the snapshot it compared (fixtures): an empty snapshot from {@code liveSource}. */
    public AuditReport(String cluster, String desiredCommit, String desiredRef, String liveSource,
                       List<DriftEntry> entries, Coverage coverage, List<String> expiredIgnoreRules) {
        this(cluster, desiredCommit, desiredRef, liveSource, entries, coverage, expiredIgnoreRules, null);
    }

    /** In sync when nothing is modified, missing or unmanaged (ignored differences do not count). */
    public boolean inSync() {
        return entries.stream().noneMatch(DriftEntry::isDrift);
    }

    public long count(DriftStatus status) {
        return entries.stream().filter(e -> e.status() == status).count();
    }

    /** Counts per status in the JSON schema's order. */
    public Map<String, Long> summary() {
        var m = new java.util.LinkedHashMap<String, Long>();
        m.put("inSync", count(DriftStatus.IN_SYNC));
        m.put("modified", count(DriftStatus.MODIFIED));
        m.put("missing", count(DriftStatus.MISSING));
        m.put("unmanaged", count(DriftStatus.UNMANAGED));
        m.put("ignored", count(DriftStatus.IGNORED));
        return m;
    }

    public DriftSeverity worst() {
        return entries.stream().filter(DriftEntry::isDrift).map(DriftEntry::severity)
                .reduce(DriftSeverity.NONE, DriftSeverity::max);
    }
}
