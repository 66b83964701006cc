package io.calicogitops.report;

import io.calicogitops.audit.DriftSeverity;
import io.calicogitops.history.DriftTimelineEntry;
import io.calicogitops.history.DriftTimelineView;
import io.calicogitops.history.HistoryCommit;
import io.calicogitops.history.HistoryReport;
import io.calicogitops.history.HistorySummary;
import io.calicogitops.history.ResourceChange;
import io.calicogitops.output.Renderer;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;

/**
 * The history for terminals: a header, then one line per commit ({@code 2026-11-20 14:03  a1b2c3d  Alice  message})
 * with its changes indented below ({@code + created}, {@code ~ modified}, {@code - deleted}, {@code ^ promoted},
 * {@code v demoted}) and their sentences under them, grouped by cluster when there are several; then the drift
 * log (recorded audits, drift spans, gaps, as {@code log show} writes them), the counts and any warnings. Text from Git is made printable.
 */
public final class HistoryTextReporter implements Renderer<HistoryReport> {

    @Override
    public void write(HistoryReport report, Writer out) throws IOException {
        HistoryView view = new HistoryView(report);
        StringBuilder b = new StringBuilder();
        b.append("history of ").append(TextReporter.printable(view.scope())).append(", ").append(view.interval())
                .append(" (").append(report.ref().equals("HEAD") ? "" : TextReporter.printable(report.ref()) + " ")
                .append("at ").append(view.head()).append(")\n");
        boolean grouped = report.manyClusters();
        for (HistoryCommit c : report.commits()) {
            b.append('\n').append(HistoryView.minute(c.time())).append("  ").append(c.shortId()).append("  ")
                    .append(TextReporter.printable(c.author())).append("  ").append(TextReporter.printable(c.subject()))
                    .append(c.isMerge() ? "  (merge)" : "").append('\n');
            for (Map.Entry<String, List<ResourceChange>> cluster : HistoryView.byCluster(c).entrySet()) {
                String indent = "  ";
                if (grouped) {
                    b.append("  ").append(TextReporter.printable(cluster.getKey())).append('\n');
                    indent = "    ";
                }
                for (ResourceChange ch : cluster.getValue()) {
                    b.append(indent).append(HistoryView.symbol(ch.change())).append(' ').append(ch.change().label())
                            .append(' ').append(TextReporter.printable(HistoryView.subject(ch)))
                            .append(ch.severity() == DriftSeverity.CRITICAL ? "  [critical]" : "").append('\n');
                    for (String s : ch.sentences()) {
                        b.append(indent).append("    ").append(TextReporter.printable(s)).append('\n');
                    }
                }
            }
        }
        if (report.commits().isEmpty()) {
            b.append("\nno commit changed a resource in this interval\n");
        }
        DriftTimelineView drift = report.drift();
        if (!drift.isEmpty()) {
            b.append("\ndrift log: ").append(drift.audits().size()).append(drift.audits().size() == 1 ? " recorded audit" : " recorded audits")
                    .append('\n');
            for (DriftTimelineEntry d : drift.audits()) {
                b.append("  ").append(HistoryView.minute(d.time())).append("  ").append(TextReporter.printable(d.cluster()))
                        .append("  ").append(TextReporter.printable(d.summary())).append('\n');
            }
            b.append("drift: ").append(drift.spans().isEmpty() ? "none" : drift.spans().size()).append('\n');
            for (DriftTimelineView.Span s : drift.spans()) {
                b.append("  ").append(s.severity().label()).append(' ').append(TextReporter.printable(s.resource())).append(' ')
                        .append(s.status()).append(": first seen ").append(s.firstSeen())
                        .append(s.ongoing() ? ", still there at " + s.lastSeen() + " (" + DriftTimelineView.human(s.duration()) + " so far)"
                                : ", resolved " + s.resolvedAt().orElseThrow() + " after " + DriftTimelineView.human(s.duration()))
                        .append(", seen by ").append(s.timesSeen()).append(s.timesSeen() == 1 ? " audit" : " audits").append('\n');
                s.sentences().forEach(x -> b.append("      ").append(TextReporter.printable(x)).append('\n'));
            }
            b.append("gaps").append(drift.expectedInterval().map(i -> " (no successful audit for more than "
                    + DriftTimelineView.human(i) + ")").orElse("")).append(": ")
                    .append(drift.gaps().isEmpty() ? "none" : drift.gaps().size()).append('\n');
            for (DriftTimelineView.Gap g : drift.gaps()) {
                b.append("  ").append(g.from()).append(" -> ").append(g.to()).append(" (").append(DriftTimelineView.human(g.duration()))
                        .append(')').append(g.failedAudits() == 0 ? "" : ", " + g.failedAudits()
                                + (g.failedAudits() == 1 ? " failed audit" : " failed audits")).append('\n');
            }
        }
        b.append("\nsummary: ").append(HistoryView.counts(report.summary())).append('\n');
        Map<String, HistorySummary> clusters = report.clusterSummaries();
        if (clusters.size() > 1) {
            int width = clusters.keySet().stream().mapToInt(String::length).max().orElse(0);
            clusters.forEach((name, s) -> b.append("  ").append(TextReporter.printable(name))
                    .append(" ".repeat(width - name.length() + 2)).append(HistoryView.counts(s)).append('\n'));
        }
        for (String w : report.warnings()) {
            b.append("warning: ").append(TextReporter.printable(w)).append('\n');
        }
        out.write(b.toString());
        out.flush();
    }

}
