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
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static io.calicogitops.report.HtmlReporter.escape;

/**
 * The history for people: one self-contained HTML file in the drift report's look ({@code report.css} plus
 * {@code history.css}, inline; no scripts): header, count cards with the policy-audit names, a table per cluster when
 * there are several, then the timeline, one box per commit. Every piece of text is HTML-escaped.
 */
public final class HistoryHtmlReporter implements Renderer<HistoryReport> {

    private static final String CSS = load("report.css") + load("history.css");

    @Override
    public void write(HistoryReport report, Writer out) throws IOException {
        HistoryView view = new HistoryView(report);
        StringBuilder b = new StringBuilder();
        b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>History: ").append(escape(view.scope())).append("</title>\n")
                .append("<style>\n").append(CSS).append("</style>\n</head>\n<body>\n<main>\n");
        b.append("<header>\n<p class=\"eyebrow\">calico-gitops history</p>\n<h1>").append(escape(view.scope()))
                .append("</h1>\n<dl class=\"meta\">\n<div><dt>Interval</dt><dd>").append(escape(view.interval()))
                .append("</dd></div>\n<div><dt>Git</dt><dd><code title=\"").append(escape(report.headCommit().orElse("")))
                .append("\">").append(escape(view.head())).append("</code> <span class=\"ref\">").append(escape(report.ref()))
                .append("</span></dd></div>\n</dl>\n</header>\n");
        cards(report.summary(), b);
        Map<String, HistorySummary> clusters = report.clusterSummaries();
        if (clusters.size() > 1) {
            clusterTable(clusters, b);
        }
        b.append("<h2>Timeline</h2>\n");
        if (report.commits().isEmpty()) {
            b.append("<p class=\"empty\">No commit changed a resource in this interval.</p>\n");
        }
        boolean grouped = report.manyClusters();
        for (HistoryCommit c : report.commits()) {
            commit(c, grouped, b);
        }
        DriftTimelineView drift = report.drift();
        if (!drift.isEmpty()) {
            b.append("<h2>Drift log</h2>\n<ul class=\"changes\">\n");
            for (DriftTimelineEntry d : drift.audits()) {
                b.append("<li><time>").append(HistoryView.minute(d.time())).append("</time> <strong>")
                        .append(escape(d.cluster())).append("</strong> ").append(escape(d.summary())).append("</li>\n");
            }
            b.append("</ul>\n<h2>Drift spans</h2>\n");
            if (drift.spans().isEmpty()) {
                b.append("<p class=\"empty\">No drift in this interval.</p>\n");
            } else {
                b.append("<ul class=\"changes\">\n");
                for (DriftTimelineView.Span s : drift.spans()) {
                    b.append("<li><strong>").append(escape(s.severity().label())).append("</strong> <code>")
                            .append(escape(s.resource())).append("</code> ").append(escape(s.status()))
                            .append(": first seen <time>").append(s.firstSeen()).append("</time>")
                            .append(s.ongoing() ? ", still there at <time>" + s.lastSeen() + "</time> ("
                                    + DriftTimelineView.human(s.duration()) + " so far)"
                                    : ", resolved <time>" + s.resolvedAt().orElseThrow() + "</time> after "
                                    + DriftTimelineView.human(s.duration()))
                            .append(", seen by ").append(s.timesSeen()).append(s.timesSeen() == 1 ? " audit" : " audits");
                    if (!s.sentences().isEmpty()) {
                        b.append("<ul>");
                        s.sentences().forEach(x -> b.append("<li>").append(escape(x)).append("</li>"));
                        b.append("</ul>");
                    }
                    b.append("</li>\n");
                }
                b.append("</ul>\n");
            }
            b.append("<h2>Gaps</h2>\n").append(drift.expectedInterval().map(i -> "<p>No successful audit for more than "
                    + DriftTimelineView.human(i) + ":</p>\n").orElse(""));
            if (drift.gaps().isEmpty()) {
                b.append("<p class=\"empty\">No gaps.</p>\n");
            } else {
                b.append("<ul class=\"changes\">\n");
                for (DriftTimelineView.Gap g : drift.gaps()) {
                    b.append("<li><time>").append(g.from()).append("</time> &rarr; <time>").append(g.to()).append("</time> (")
                            .append(DriftTimelineView.human(g.duration())).append(')')
                            .append(g.failedAudits() == 0 ? "" : ", " + g.failedAudits()
                                    + (g.failedAudits() == 1 ? " failed audit" : " failed audits")).append("</li>\n");
                }
                b.append("</ul>\n");
            }
        }
        if (!report.warnings().isEmpty()) {
            b.append("<section class=\"notice\"><strong>Warnings</strong><ul>\n");
            report.warnings().forEach(w -> b.append("<li><code>").append(escape(w)).append("</code></li>\n"));
            b.append("</ul></section>\n");
        }
        b.append("<footer>calico-gitops history &middot; report schema ").append(HistoryJsonReporter.SCHEMA_VERSION)
                .append("</footer>\n</main>\n</body>\n</html>\n");
        out.write(b.toString());
        out.flush();
    }


    private static void cards(HistorySummary s, StringBuilder b) {
        b.append("<section class=\"cards\">\n");
        card(s.numCreatedPolicies(), "numCreatedPolicies", "policies created", b);
        card(s.numModifiedPolicies(), "numModifiedPolicies", "policies modified, " + s.numPromotedPolicies() + " promoted, "
                + s.numDemotedPolicies() + " demoted", b);
        card(s.numDeletedPolicies(), "numDeletedPolicies", "policies deleted", b);
        card(s.numCreatedResources() + s.numModifiedResources() + s.numDeletedResources(), "resource changes",
                s.numCreatedResources() + " created, " + s.numModifiedResources() + " modified, "
                        + s.numDeletedResources() + " deleted", b);
        card(s.numCommits(), "commits", "that changed resources", b);
        b.append("</section>\n");
    }

    private static void card(int n, String label, String sub, StringBuilder b) {
        // Calico's column names keep their case (the card label is otherwise capitalised).
        b.append("<div class=\"card\"><span class=\"num\">").append(n).append("</span><span class=\"label")
                .append(label.startsWith("num") ? " metric" : "").append("\">")
                .append(escape(label)).append("</span><span class=\"sub\">").append(escape(sub)).append("</span></div>\n");
    }

    private static void clusterTable(Map<String, HistorySummary> clusters, StringBuilder b) {
        b.append("<h2>Clusters</h2>\n<table class=\"findings\">\n<thead><tr><th>Cluster</th>");
        for (String h : List.of("numCreatedPolicies", "numModifiedPolicies", "numDeletedPolicies", "Resources changed", "Commits")) {
            b.append("<th class=\"num\">").append(h).append("</th>");
        }
        b.append("</tr></thead>\n<tbody>\n");
        clusters.forEach((name, s) -> b.append("<tr><td class=\"name\">").append(escape(name)).append("</td><td class=\"num\">")
                .append(s.numCreatedPolicies()).append("</td><td class=\"num\">").append(s.numModifiedPolicies())
                .append("</td><td class=\"num\">").append(s.numDeletedPolicies()).append("</td><td class=\"num\">")
                .append(s.numCreatedResources() + s.numModifiedResources() + s.numDeletedResources())
                .append("</td><td class=\"num\">").append(s.numCommits()).append("</td></tr>\n"));
        b.append("</tbody>\n</table>\n");
    }

    private static void commit(HistoryCommit c, boolean grouped, StringBuilder b) {
        b.append("<section class=\"commit").append(c.isMerge() ? " merge" : "").append("\">\n<h3><time datetime=\"")
                .append(c.time()).append("\">").append(HistoryView.minute(c.time())).append("</time> <code title=\"")
                .append(escape(c.id())).append("\">").append(escape(c.shortId())).append("</code> <span class=\"author\">")
                .append(escape(c.author())).append("</span> <span class=\"message\">").append(escape(c.subject()))
                .append("</span>").append(c.isMerge() ? " <span class=\"ref\">merge</span>" : "").append("</h3>\n");
        for (Map.Entry<String, List<ResourceChange>> cluster : HistoryView.byCluster(c).entrySet()) {
            if (grouped) {
                b.append("<h4>").append(escape(cluster.getKey())).append("</h4>\n");
            }
            b.append("<ul class=\"changes\">\n");
            for (ResourceChange ch : cluster.getValue()) {
                b.append("<li><span class=\"pill ch-").append(ch.change().label()).append("\">").append(ch.change().label())
                        .append("</span> <span class=\"kind\">").append(escape(ch.id().kind())).append("</span> <strong>")
                        .append(escape(ch.displayName())).append("</strong>");
                ch.previousId().ifPresent(p -> b.append(" <span class=\"kind\">(was ").append(escape(p.kind())).append(")</span>"));
                if (ch.severity() == DriftSeverity.CRITICAL) {
                    b.append(" <span class=\"pill sev-critical\">critical</span>");
                }
                if (!ch.sentences().isEmpty()) {
                    b.append("\n<ul class=\"sentences\">\n");
                    ch.sentences().forEach(s -> b.append("<li>").append(escape(s)).append("</li>\n"));
                    b.append("</ul>\n");
                }
                b.append("</li>\n");
            }
            b.append("</ul>\n");
        }
        b.append("</section>\n");
    }

    private static String load(String name) {
        try (InputStream in = HistoryHtmlReporter.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " missing from the classpath");
            }
            // A Windows checkout may have turned the line ends into CRLF: the output must not depend on it.
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("read " + name, e);
        }
    }
}
