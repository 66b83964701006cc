package io.calicogitops.report;

import io.calicogitops.audit.AuditReport;
import io.calicogitops.output.OutputFormat;
import io.calicogitops.output.Reporter;

/** The formats of an audit report: text (the default), json, markdown, html, junit and sarif. */
public final class AuditReporters {

    /** Plain text without colour, for files, pipes and evidence. */
    public static final Reporter<AuditReport> PLAIN = Reporter.<AuditReport>builder("audit report")
            // Each renderer is made when used: --help and completion build every command's reporter, and the
            // JSON ones would load Jackson into a process that only prints help.
            .add(OutputFormat.TEXT, (r, out) -> new TextReporter(false).write(r, out))
            .add(OutputFormat.JSON, (r, out) -> new JsonReporter().write(r, out))
            .add(OutputFormat.MARKDOWN, (r, out) -> new MarkdownReporter().write(r, out))
            .add(OutputFormat.HTML, (r, out) -> new HtmlReporter().write(r, out))
            .add(OutputFormat.JUNIT, (r, out) -> new JunitReporter().write(r, out))
            .add(OutputFormat.SARIF, (r, out) -> new SarifReporter().write(r, out))
            .build();

    private AuditReporters() {
    }
}
