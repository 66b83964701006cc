package io.calicogitops.report;

import io.calicogitops.history.HistoryReport;
import io.calicogitops.output.OutputFormat;
import io.calicogitops.output.Reporter;

/** The formats of a history report: text (the default), json, markdown, html and csv. */
public final class HistoryReporters {

    public static final Reporter<HistoryReport> REPORTER = Reporter.<HistoryReport>builder("history report")
            // Made when used (see AuditReporters): no Jackson in a process that only prints help.
            .add(OutputFormat.TEXT, (r, out) -> new HistoryTextReporter().write(r, out))
            .add(OutputFormat.JSON, (r, out) -> new HistoryJsonReporter().write(r, out))
            .add(OutputFormat.MARKDOWN, (r, out) -> new HistoryMarkdownReporter().write(r, out))
            .add(OutputFormat.HTML, (r, out) -> new HistoryHtmlReporter().write(r, out))
            .add(OutputFormat.CSV, (r, out) -> new HistoryCsvReporter().write(r, out))
            .build();

    private HistoryReporters() {
    }
}
