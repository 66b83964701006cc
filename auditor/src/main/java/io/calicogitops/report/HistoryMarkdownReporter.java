package io.calicogitops.report;

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
 * The history as GitHub-flavoured Markdown, for a pull request or an issue: a heading, a counts table with the
 * policy-audit column names (one row per cluster), then one section per commit with its changes and sentences.
 * Text from Git is escaped.
 */
public final class HistoryMarkdownReporter implements Renderer<HistoryReport> {

    @Override
    public void write(HistoryReport report, Writer out) throws IOException {
        HistoryView view = new HistoryView(report);
        StringBuilder b = new StringBuilder();
        b.append("### History: ").append(MarkdownReporter.md(view.scope())).append("\n\n");
        b.append(MarkdownReporter.md(view.interval())).append(", walked back from ")
                .append(MarkdownReporter.code(view.head())).append(report.ref().equals("HEAD") ? "" : " (" + MarkdownReporter.md(report.ref()) + ")")
                .append(".\n\n");
        b.append("| cluster | numCreatedPolicies | numModifiedPolicies | numDeletedPolicies | promoted | demoted "
                + "| numCreatedResources | numModifiedResources | numDeletedResources | commits |\n");
        b.append("|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|\n");
        Map<String, HistorySummary> clusters = report.clusterSummaries();
        clusters.forEach((name, s) -> row(MarkdownReporter.md(name), s, b));
        if (clusters.size() != 1) {
            row("**all**", report.summary(), b);
        }
        b.append('\n');
        if (report.commits().isEmpty()) {
            b.append("No commit changed a resource in this interval.\n\n");
        }
        boolean grouped = report.manyClusters();
        for (HistoryCommit c : report.commits()) {
            b.append("#### ").append(HistoryView.minute(c.time())).append(" · ").append(MarkdownReporter.code(c.shortId()))
                    .append(" · ").append(MarkdownReporter.md(c.author())).append(" · ").append(MarkdownReporter.md(c.subject()))
                    .append(c.isMerge() ? " (merge)" : "").append("\n\n");
            for (Map.Entry<String, List<ResourceChange>> cluster : HistoryView.byCluster(c).entrySet()) {
                String indent = "";
                if (grouped) {
                    b.append("- ").append(MarkdownReporter.md(cluster.getKey())).append('\n');
                    indent = "  ";
                }
                for (ResourceChange ch : cluster.getValue()) {
                    b.append(indent).append("- **").append(ch.change().label()).append("** ")
                            .append(MarkdownReporter.md(ch.id().kind())).append(' ')
                            .append(MarkdownReporter.code(ch.displayName()))
                            .append(ch.previousId().map(p -> " (was " + MarkdownReporter.md(p.kind()) + ")").orElse(""))
                            .append(" · ").append(ch.severity().label()).append('\n');
                    for (String s : ch.sentences()) {
                        b.append(indent).append("  - ").append(MarkdownReporter.md(s)).append('\n');
                    }
                }
            }
            b.append('\n');
        }
        DriftTimelineView drift = report.drift();
        if (!drift.isEmpty()) {
            b.append("#### Drift log\n\n");
            for (DriftTimelineEntry d : drift.audits()) {
                b.append("- ").append(HistoryView.minute(d.time())).append(" · ").append(MarkdownReporter.md(d.cluster()))
                        .append(" · ").append(MarkdownReporter.md(d.summary())).append('\n');
            }
            b.append('\n');
            b.append("#### Drift spans\n\n");
            if (drift.spans().isEmpty()) {
                b.append("None.\n");
            }
            for (DriftTimelineView.Span s : drift.spans()) {
                b.append("- ").append(MarkdownReporter.code(s.resource())).append(" · ").append(s.status()).append(" · ")
                        .append(s.severity().label()).append(" · first seen ").append(s.firstSeen())
                        .append(s.ongoing() ? ", still there at " + s.lastSeen() + " (" + DriftTimelineView.human(s.duration()) + " so far)"
                                : ", resolved " + s.resolvedAt().orElseThrow() + " after " + DriftTimelineView.human(s.duration()))
                        .append(", seen by ").append(s.timesSeen()).append(s.timesSeen() == 1 ? " audit" : " audits").append('\n');
                s.sentences().forEach(x -> b.append("  - ").append(MarkdownReporter.md(x)).append('\n'));
            }
            b.append('\n');
            b.append("#### Gaps").append(drift.expectedInterval().map(i -> " (no successful audit for more than "
                    + DriftTimelineView.human(i) + ")").orElse("")).append("\n\n");
            if (drift.gaps().isEmpty()) {
                b.append("None.\n");
            }
            for (DriftTimelineView.Gap g : drift.gaps()) {
                b.append("- ").append(g.from()).append(" → ").append(g.to()).append(" (").append(DriftTimelineView.human(g.duration()))
                        .append(')').append(g.failedAudits() == 0 ? "" : ", " + g.failedAudits()
                                + (g.failedAudits() == 1 ? " failed audit" : " failed audits")).append('\n');
            }
            b.append('\n');
        }
        if (!report.warnings().isEmpty()) {
            b.append("**Warnings**\n\n");
            report.warnings().forEach(w -> b.append("- ").append(MarkdownReporter.md(w)).append('\n'));
            b.append('\n');
        }
        out.write(b.toString());
        out.flush();
    }


    private static void row(String name, HistorySummary s, StringBuilder b) {
        b.append("| ").append(name).append(" | ").append(s.numCreatedPolicies()).append(" | ").append(s.numModifiedPolicies())
                .append(" | ").append(s.numDeletedPolicies()).append(" | ").append(s.numPromotedPolicies()).append(" | ")
                .append(s.numDemotedPolicies()).append(" | ").append(s.numCreatedResources()).append(" | ")
                .append(s.numModifiedResources()).append(" | ").append(s.numDeletedResources()).append(" | ")
                .append(s.numCommits()).append(" |\n");
    }
}
