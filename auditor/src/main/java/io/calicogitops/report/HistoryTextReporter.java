package io.calicogitops.report;

import io.calicogitops.audit.DriftSeverity;
import io.calicogitops.history.DriftTimelineEntry;
import io.calicogitops.history.HistoryCommit;
import io.calicogitops.history.HistoryReport;
import io.calicogitops.history.HistorySummary;
import io.calicogitops.history.ResourceChange;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;

/**
 * The history for terminals: a header, then one line per commit ({@code 2026-11-20 14:03  a1b2c3d  Alice  message})
 * with its changes indented below ({@code + created}, {@code ~ modified}, {@code - deleted}, {@code ^ promoted},
 * {@code v demoted}) and their sentences under them, grouped by cluster when there are several; then the drift
 * timeline, the counts and any warnings. Text from Git is made printable.
 */
public final class HistoryTextReporter implements HistoryReporter {

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
        if (!report.drift().isEmpty()) {
            b.append("\ndrift log\n");
            for (DriftTimelineEntry d : report.drift()) {
                b.append("  ").append(HistoryView.minute(d.time())).append("  ").append(TextReporter.printable(d.cluster()))
                        .append("  ").append(TextReporter.printable(d.summary())).append('\n');
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

    @Override
    public String contentType() {
        return "text/plain; charset=utf-8";
    }
}
