package io.calicogitops.watch;

import io.calicogitops.audit.AuditReport;
import io.calicogitops.audit.DriftEntry;
import io.calicogitops.audit.DriftSeverity;
import io.calicogitops.audit.DriftStatus;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * What the watch loop tells Prometheus, in the text exposition format 0.0.4: the drift of the last successful audit
 * by severity and status, when that audit ended, how many audits failed in a row, how long the last one took, and
 * audit counts by result. Names follow Prometheus' conventions (a {@code calico_gitops_} prefix, base units, {@code
 * _total} for counters, {@code _timestamp_seconds} for times). Thread-safe: the loop writes, the HTTP server reads.
 */
public final class WatchMetrics {

    private static final DriftStatus[] DRIFT = {DriftStatus.MODIFIED, DriftStatus.MISSING, DriftStatus.UNMANAGED};
    private static final DriftSeverity[] SEVERITIES = {DriftSeverity.INFO, DriftSeverity.WARNING, DriftSeverity.CRITICAL};

    private final String cluster;
    private long[][] drift = new long[SEVERITIES.length][DRIFT.length];
    private Instant lastSuccess;
    private int consecutiveFailures;
    private Duration lastDuration;
    private long inSyncTotal;
    private long driftTotal;
    private long failedTotal;

    public WatchMetrics(String cluster) {
        this.cluster = cluster;
    }

    /** An audit finished at {@code end} after {@code took}, with this report. */
    public synchronized void succeeded(AuditReport report, Instant end, Duration took) {
        long[][] counts = new long[SEVERITIES.length][DRIFT.length];
        for (DriftEntry e : report.entries()) {
            int st = indexOf(DRIFT, e.status());
            int sv = indexOf(SEVERITIES, e.severity());
            if (e.isDrift() && st >= 0 && sv >= 0) {
                counts[sv][st]++;
            }
        }
        drift = counts;
        lastSuccess = end;
        consecutiveFailures = 0;
        lastDuration = took;
        if (report.inSync()) {
            inSyncTotal++;
        } else {
            driftTotal++;
        }
    }

    /** An audit failed after {@code took}: the drift gauges keep the last successful audit's values. */
    public synchronized void failed(Duration took) {
        consecutiveFailures++;
        lastDuration = took;
        failedTotal++;
    }

    /** Ready once an audit succeeded, and not while the latest audit failed (the drift shown is then stale). */
    public synchronized boolean ready() {
        return lastSuccess != null && consecutiveFailures == 0;
    }

    /** The exposition text, in a fixed order (series sorted by label value). */
    public synchronized String exposition() {
        String c = "cluster=\"" + escape(cluster) + "\"";
        StringBuilder b = new StringBuilder();
        header(b, "calico_gitops_drift_resources", "gauge",
                "Resources in drift at the last successful audit, by severity and status.");
        for (int sv = 0; sv < SEVERITIES.length; sv++) {
            for (int st = 0; st < DRIFT.length; st++) {
                b.append("calico_gitops_drift_resources{").append(c).append(",severity=\"").append(name(SEVERITIES[sv]))
                        .append("\",status=\"").append(name(DRIFT[st])).append("\"} ").append(drift[sv][st]).append('\n');
            }
        }
        header(b, "calico_gitops_last_successful_audit_timestamp_seconds", "gauge",
                "When the last successful audit ended, in seconds since the Unix epoch (0: none yet).");
        b.append("calico_gitops_last_successful_audit_timestamp_seconds{").append(c).append("} ")
                .append(lastSuccess == null ? "0" : seconds(lastSuccess.toEpochMilli())).append('\n');
        header(b, "calico_gitops_consecutive_failed_audits", "gauge", "Audits that failed in a row since the last success.");
        b.append("calico_gitops_consecutive_failed_audits{").append(c).append("} ").append(consecutiveFailures).append('\n');
        header(b, "calico_gitops_audit_duration_seconds", "gauge", "How long the last audit took (successful or not).");
        b.append("calico_gitops_audit_duration_seconds{").append(c).append("} ")
                .append(lastDuration == null ? "0" : seconds(lastDuration.toMillis())).append('\n');
        header(b, "calico_gitops_audits_total", "counter", "Audits run by this process, by result.");
        b.append("calico_gitops_audits_total{").append(c).append(",result=\"drift\"} ").append(driftTotal).append('\n');
        b.append("calico_gitops_audits_total{").append(c).append(",result=\"failed\"} ").append(failedTotal).append('\n');
        b.append("calico_gitops_audits_total{").append(c).append(",result=\"in_sync\"} ").append(inSyncTotal).append('\n');
        return b.toString();
    }

    private static void header(StringBuilder b, String name, String type, String help) {
        b.append("# HELP ").append(name).append(' ').append(help).append('\n');
        b.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    }

    private static String seconds(long millis) {
        return millis % 1000 == 0 ? Long.toString(millis / 1000) : String.format(Locale.ROOT, "%.3f", millis / 1000.0);
    }

    private static String name(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }

    private static <T> int indexOf(T[] values, T v) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] == v) {
                return i;
            }
        }
        return -1;
    }

    /** Label values escape backslash, double quote and newline (exposition format). */
    static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
