package io.calicogitops.report;

import io.calicogitops.audit.AuditReport;
import io.calicogitops.audit.Change;
import io.calicogitops.audit.DriftStatus;
import io.calicogitops.output.Renderer;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pull-request comment (GitHub-flavoured Markdown): heading, verdict, summary table, findings table, then one
 * collapsed {@code <details>} per finding with its sentences and JSON patch. Text from the cluster is escaped, so a
 * name or value can neither break a table nor inject markup.
 */
public final class MarkdownReporter implements Renderer<AuditReport> {

    private static final Pattern MARKDOWN_SPECIAL = Pattern.compile("[\\\\`*_\\[\\]<>|&~#]");
    private static final Pattern BACKTICK_RUN = Pattern.compile("`+");

    @Override
    public void write(AuditReport report, Writer out) throws IOException {
        ReportView view = new ReportView(report);
        StringBuilder b = new StringBuilder();
        b.append("### Drift report: ").append(md(report.cluster())).append("\n\n");
        b.append("**").append(md(view.verdict())).append("**\n\n");
        b.append("Git ").append(code(view.commitAndRef())).append(" compared with ").append(md(report.liveSource()))
                .append(".\n\n");

        b.append("| In sync | Modified | Missing | Unmanaged | Ignored | Coverage |\n");
        b.append("|--:|--:|--:|--:|--:|--:|\n|");
        for (DriftStatus s : DriftStatus.values()) {
            b.append(' ').append(report.count(s)).append(" |");
        }
        var c = report.coverage();
        b.append(' ').append(view.coveragePercent()).append(" (").append(c.managedPolicies()).append(" of ")
                .append(c.livePolicies()).append(" policies) |\n\n");

        if (!report.expiredIgnoreRules().isEmpty()) {
            b.append("**Expired ignore rules** (renew or delete them): ");
            b.append(String.join(", ", report.expiredIgnoreRules().stream().map(MarkdownReporter::code).toList()));
            b.append("\n\n");
        }

        List<EntryView> findings = view.findings();
        if (!findings.isEmpty()) {
            findingsTable(findings, b);
            for (EntryView f : findings) {
                details(f, b);
            }
        }
        out.write(b.toString());
        out.flush();
    }


    private static void findingsTable(List<EntryView> findings, StringBuilder b) {
        b.append("#### Findings\n\n");
        b.append("| Severity | Status | Kind | Name | Where |\n");
        b.append("|---|---|---|---|---|\n");
        for (EntryView f : findings) {
            b.append("| **").append(f.severity().toUpperCase(java.util.Locale.ROOT)).append("** | ")
                    .append(f.status()).append(" | ")
                    .append(md(f.kind())).append(" | ")
                    .append(md(f.name())).append(" | ")
                    .append(f.where() == null ? "-" : md(f.where())).append(" |\n");
        }
        b.append('\n');
    }

    private static void details(EntryView f, StringBuilder b) {
        // Inside <summary> GitHub shows raw HTML, not Markdown: escape for HTML there.
        b.append("<details>\n<summary><b>").append(f.severity()).append("</b> ").append(f.status()).append(' ')
                .append(HtmlReporter.escape(f.kind())).append(" <code>").append(HtmlReporter.escape(f.name()))
                .append("</code></summary>\n\n");
        if (f.where() != null) {
            b.append("Desired: ").append(md(f.where())).append("\n\n");
        }
        for (Change c : f.changes()) {
            b.append("- ").append(c.severity().label()).append(": ").append(md(c.sentence())).append('\n');
        }
        if (f.ignoredBy() != null) {
            b.append("- ignored by ").append(md(f.ignoredBy())).append('\n');
        } else if (f.changes().isEmpty()) {
            b.append("- ").append(md(f.headline())).append('\n');
        }
        b.append('\n');
        if (!f.patch().isEmpty()) {
            String json = JsonReporter.onePerLine(f.patch());
            String fence = fenceFor(json);
            b.append(fence).append("json\n").append(json).append('\n').append(fence).append("\n\n");
        }
        b.append("</details>\n\n");
    }

    /**
     * Backslash-escapes the characters that start Markdown or HTML syntax or end a table cell, and joins lines (a line
     * break would end the table row or list item).
     */
    static String md(String s) {
        String oneLine = s == null ? "" : s.replaceAll("\\R", " ");
        return MARKDOWN_SPECIAL.matcher(oneLine).replaceAll(m -> Matcher.quoteReplacement("\\" + m.group()));
    }

    /**
     * A code span around text that may itself hold backticks (CommonMark: delimit with a longer run, pad with spaces).
     * Pipes are still escaped: GFM splits table cells before it parses code spans.
     */
    static String code(String s) {
        String text = s == null ? "" : s.replace("|", "\\|");
        String ticks = "`".repeat(longestRun(text) + 1);
        String pad = text.startsWith("`") || text.endsWith("`") ? " " : "";
        return ticks + pad + text + pad + ticks;
    }

    /** A code fence longer than any backtick run in the content, so a patch value cannot close it early. */
    private static String fenceFor(String content) {
        return "`".repeat(Math.max(3, longestRun(content) + 1));
    }

    private static int longestRun(String s) {
        Matcher m = BACKTICK_RUN.matcher(s);
        int longest = 0;
        while (m.find()) {
            longest = Math.max(longest, m.group().length());
        }
        return longest;
    }
}
