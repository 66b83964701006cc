package io.calicogitops.report;

import io.calicogitops.audit.AuditReport;
import io.calicogitops.audit.Change;
import io.calicogitops.audit.DriftEntry;
import io.calicogitops.audit.DriftStatus;
import io.calicogitops.output.Renderer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The report for people: one self-contained HTML file (inline CSS from {@code report.css}, no scripts, fonts or
 * images) with a verdict banner, summary cards, a findings table and a collapsible section per finding.
 * Every piece of text is HTML-escaped.
 */
public final class HtmlReporter implements Renderer<AuditReport> {

    private static final String CSS = loadCss();

    @Override
    public void write(AuditReport report, Writer out) throws IOException {
        ReportView view = new ReportView(report);
        List<EntryView> findings = view.findings();
        StringBuilder b = new StringBuilder();
        b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>Drift report: ").append(escape(report.cluster())).append("</title>\n")
                .append("<style>\n").append(CSS).append("</style>\n</head>\n<body>\n<main>\n");
        header(report, view, b);
        verdict(report, view, b);
        cards(report, view, b);
        if (!report.expiredIgnoreRules().isEmpty()) {
            b.append("<section class=\"notice\"><strong>Expired ignore rules</strong> (renew or delete them): ");
            b.append(String.join(", ", report.expiredIgnoreRules().stream().map(r -> "<code>" + escape(r) + "</code>").toList()));
            b.append("</section>\n");
        }
        if (findings.isEmpty()) {
            b.append("<p class=\"empty\">Every resource matches Git.</p>\n");
        } else {
            table(findings, b);
            b.append("<h2>Details</h2>\n");
            for (int i = 0; i < findings.size(); i++) {
                details(findings.get(i), i + 1, b);
            }
        }
        b.append("<footer>calico-gitops audit &middot; report schema ").append(JsonReporter.SCHEMA_VERSION)
                .append("</footer>\n</main>\n</body>\n</html>\n");
        out.write(b.toString());
        out.flush();
    }


    private static void header(AuditReport report, ReportView view, StringBuilder b) {
        b.append("<header>\n<p class=\"eyebrow\">calico-gitops drift report</p>\n<h1>")
                .append(escape(report.cluster())).append("</h1>\n<dl class=\"meta\">\n")
                .append("<div><dt>Git</dt><dd><code title=\"").append(escape(report.desiredCommit())).append("\">")
                .append(escape(view.shortCommit())).append("</code>");
        if (report.desiredRef() != null && !report.desiredRef().isBlank()) {
            b.append(" <span class=\"ref\">").append(escape(report.desiredRef())).append("</span>");
        }
        b.append("</dd></div>\n<div><dt>Live</dt><dd>").append(escape(report.liveSource())).append("</dd></div>\n")
                .append("</dl>\n</header>\n");
    }

    private static void verdict(AuditReport report, ReportView view, StringBuilder b) {
        long drifting = report.entries().stream().filter(DriftEntry::isDrift).count();
        long ignored = report.count(DriftStatus.IGNORED);
        int total = view.resourceCount();
        String detail = report.inSync()
                ? (total == 0 ? "No resources to compare" : total == 1 ? "The resource matches Git" : "All " + total + " resources match Git")
                + (ignored > 0 ? " (" + ignored + " ignored " + plural(ignored, "difference", "differences") + ")" : "")
                : view.driftCounts() + " &middot; " + drifting + " of " + total + " " + plural(total, "resource", "resources")
                + " " + plural(drifting, "differs", "differ") + " from Git";
        b.append("<section class=\"verdict sev-").append(report.inSync() ? "ok" : report.worst().label()).append("\">")
                .append("<span class=\"verdict-label\">").append(report.inSync() ? "In sync" : "Drift").append("</span>")
                .append("<span class=\"verdict-detail\">").append(detail).append("</span></section>\n");
    }

    private static void cards(AuditReport report, ReportView view, StringBuilder b) {
        b.append("<section class=\"cards\">\n");
        for (DriftStatus s : DriftStatus.values()) {
            long n = report.count(s);
            String accent = n > 0 ? " st-" + EntryView.statusLabel(s) : "";
            b.append("<div class=\"card").append(accent).append("\"><span class=\"num\">").append(n)
                    .append("</span><span class=\"label\">").append(EntryView.statusLabel(s).replace('-', ' '))
                    .append("</span></div>\n");
        }
        var c = report.coverage();
        b.append("<div class=\"card\"><span class=\"num\">").append(view.coveragePercent())
                .append("</span><span class=\"label\">coverage</span><span class=\"sub\">").append(c.managedPolicies())
                .append(" of ").append(c.livePolicies()).append(" live policies in Git</span></div>\n</section>\n");
    }

    private static void table(List<EntryView> findings, StringBuilder b) {
        b.append("<h2>Findings</h2>\n<table class=\"findings\">\n<thead><tr><th>Severity</th><th>Status</th>")
                .append("<th>Kind</th><th>Name</th><th>Where</th></tr></thead>\n<tbody>\n");
        for (int i = 0; i < findings.size(); i++) {
            EntryView f = findings.get(i);
            b.append("<tr><td>").append(pill(f.severity())).append("</td><td class=\"status\">").append(f.status())
                    .append("</td><td>").append(escape(f.kind())).append("</td><td class=\"name\"><a href=\"#finding-")
                    .append(i + 1).append("\">").append(breakable(f.name())).append("</a></td><td class=\"where\">")
                    .append(f.where() == null ? "&ndash;" : "<code>" + breakable(f.where()) + "</code>")
                    .append("</td></tr>\n");
        }
        b.append("</tbody>\n</table>\n");
    }

    private static void details(EntryView f, int number, StringBuilder b) {
        b.append("<details class=\"finding sev-").append(f.severity()).append("\" id=\"finding-").append(number)
                .append("\">\n<summary>").append(pill(f.severity())).append(" <span class=\"status\">")
                .append(f.status()).append("</span> <span class=\"kind\">").append(escape(f.kind()))
                .append("</span> <strong>").append(escape(f.name())).append("</strong></summary>\n<div class=\"body\">\n");
        b.append("<p class=\"where\">");
        b.append(f.where() == null ? "Not in Git" : "Desired: <code>" + escape(f.where()) + "</code>");
        if (f.ignoredBy() != null) {
            b.append(" &middot; ignored by <code>").append(escape(f.ignoredBy())).append("</code>");
        }
        b.append("</p>\n");
        if (f.changes().isEmpty()) {
            b.append("<p>").append(escape(f.headline())).append(".</p>\n");
        } else {
            b.append("<ul class=\"changes\">\n");
            for (Change c : f.changes()) {
                b.append("<li>").append(pill(c.severity().label())).append(" <span class=\"sentence\">")
                        .append(escape(c.sentence())).append("</span>")
                        .append(c.pointer().isEmpty() ? "" : " <code class=\"pointer\">" + escape(c.pointer()) + "</code>")
                        .append("</li>\n");
            }
            b.append("</ul>\n");
        }
        if (!f.patch().isEmpty()) {
            b.append("<p class=\"patch-title\">JSON patch (live &rarr; Git)</p>\n<pre class=\"patch\"><code>")
                    .append(escape(JsonReporter.onePerLine(f.patch()))).append("</code></pre>\n");
        }
        b.append("</div>\n</details>\n");
    }

    /** Escaped text that may wrap after each slash: long paths then break between directories, not inside names. */
    private static String breakable(String s) {
        return escape(s).replace("/", "/<wbr>");
    }

    private static String pill(String severity) {
        return "<span class=\"pill sev-" + severity + "\">" + severity + "</span>";
    }

    private static String plural(long n, String one, String many) {
        return n == 1 ? one : many;
    }

    /** Escapes text for HTML element content and quoted attribute values (also used by the evidence index page). */
    public static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(ch);
            }
        }
        return b.toString();
    }

    private static String loadCss() {
        try (InputStream in = HtmlReporter.class.getResourceAsStream("report.css")) {
            if (in == null) {
                throw new IllegalStateException("report.css missing from the classpath");
            }
            // A Windows checkout may have turned the line ends into CRLF: the output must not depend on it.
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("read report.css", e);
        }
    }
}
