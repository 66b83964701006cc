package io.calicogitops.audit;

import java.util.List;
import java.util.Map;

/**
 * The answer to "is what runs in cluster X exactly what Git says?": the commit compared, where the live state came
 * from, every resource's entry (sorted by kind, namespace, name), counts per status and the policy coverage.
 */
public record AuditReport(String cluster, String desiredCommit, String desiredRef, String liveSource,
                          List<DriftEntry> entries, Coverage coverage, List<String> expiredIgnoreRules) {

    public AuditReport {
        entries = List.copyOf(entries);
        expiredIgnoreRules = List.copyOf(expiredIgnoreRules);
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
