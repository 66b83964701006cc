package io.calicogitops.report;

import io.calicogitops.audit.AuditReport;
import io.calicogitops.output.OutputFormat;
import io.calicogitops.output.Reporter;

/** The formats of an audit report: text (the default), json, markdown, html, junit and sarif. */
public final class AuditReporters {

    /** Plain text without colour, for files, pipes and evidence. */
    public static final Reporter<AuditReport> PLAIN = create(false);

    private AuditReporters() {
    }

    /** The audit's reporter; {@code color} colours the text format's severities (a terminal). */
    public static Reporter<AuditReport> create(boolean color) {
        return Reporter.<AuditReport>builder("audit report")
                .add(OutputFormat.TEXT, new TextReporter(color))
                .add(OutputFormat.JSON, new JsonReporter())
                .add(OutputFormat.MARKDOWN, new MarkdownReporter())
                .add(OutputFormat.HTML, new HtmlReporter())
                .add(OutputFormat.JUNIT, new JunitReporter())
                .add(OutputFormat.SARIF, new SarifReporter())
                .build();
    }
}
