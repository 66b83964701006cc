package io.calicogitops.report;

import io.calicogitops.history.HistoryReport;
import io.calicogitops.output.OutputFormat;
import io.calicogitops.output.Reporter;

/** The formats of a history report: text (the default), json, markdown, html and csv. */
public final class HistoryReporters {

    public static final Reporter<HistoryReport> REPORTER = Reporter.<HistoryReport>builder("history report")
            .add(OutputFormat.TEXT, new HistoryTextReporter())
            .add(OutputFormat.JSON, new HistoryJsonReporter())
            .add(OutputFormat.MARKDOWN, new HistoryMarkdownReporter())
            .add(OutputFormat.HTML, new HistoryHtmlReporter())
            .add(OutputFormat.CSV, new HistoryCsvReporter())
            .build();

    private HistoryReporters() {
    }
}
