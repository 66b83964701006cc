package io.calicogitops.report;

import io.calicogitops.audit.AuditReport;
import io.calicogitops.audit.DriftEntry;
import io.calicogitops.audit.DriftSeverity;
import io.calicogitops.audit.DriftStatus;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** What the human formats (text, Markdown, HTML) compute from a report: verdict, findings in reading order, coverage. */
record ReportView(AuditReport report) {

    /** Most severe first, then by kind, namespace and name, so the worst problems lead every table. */
    static final Comparator<DriftEntry> READING_ORDER = Comparator
            .comparing((DriftEntry e) -> e.severity(), Comparator.reverseOrder())
            .thenComparing(e -> e.id().kind())
            .thenComparing(e -> e.id().namespace())
            .thenComparing(e -> e.id().name());

    /** Every entry that is not in sync, most severe first. */
    List<EntryView> findings() {
        return report.entries().stream()
                .filter(e -> e.status() != DriftStatus.IN_SYNC)
                .sorted(READING_ORDER)
                .map(EntryView::new)
                .toList();
    }

    /** {@code IN SYNC}, or {@code DRIFT: 2 critical, 1 warning} counting drifting resources by severity. */
    String verdict() {
        return report.inSync() ? "IN SYNC" : "DRIFT: " + driftCounts();
    }

    /** {@code 2 critical, 1 warning, 1 info}: drifting resources per severity, zero counts left out. */
    String driftCounts() {
        List<String> parts = new ArrayList<>();
        DriftSeverity[] severities = DriftSeverity.values();
        for (int i = severities.length - 1; i >= 0; i--) {
            DriftSeverity s = severities[i];
            long n = report.entries().stream().filter(DriftEntry::isDrift).filter(e -> e.severity() == s).count();
            if (n > 0) {
                parts.add(n + " " + s.label());
            }
        }
        return String.join(", ", parts);
    }

    /** The coverage as a percentage with one decimal; never shows 100.0% unless every live policy is in Git. */
    String coveragePercent() {
        var c = report.coverage();
        String pct = BigDecimal.valueOf(c.ratio() * 100).setScale(1, RoundingMode.HALF_UP).toPlainString();
        return "100.0".equals(pct) && c.managedPolicies() < c.livePolicies() ? "99.9%" : pct + "%";
    }

    /** The first 12 characters of the commit, as people quote it. */
    String shortCommit() {
        String commit = report.desiredCommit();
        return commit != null && commit.length() > 12 ? commit.substring(0, 12) : String.valueOf(commit);
    }

    /** {@code 1a2b3c4d5e6f (HEAD)}, without the parentheses when there is no ref. */
    String commitAndRef() {
        String ref = report.desiredRef();
        return ref == null || ref.isBlank() ? shortCommit() : shortCommit() + " (" + ref + ")";
    }

    int resourceCount() {
        return report.entries().size();
    }
}
