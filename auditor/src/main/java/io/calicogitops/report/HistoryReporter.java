package io.calicogitops.report;

import io.calicogitops.history.HistoryReport;

import java.io.IOException;
import java.io.Writer;

/**
 * Writes a {@link HistoryReport} in one output format. Like {@link Reporter}: deterministic (no clock, no hash order,
 * {@code \n} line ends), flushes {@code out} and never closes it.
 */
public interface HistoryReporter {

    void write(HistoryReport report, Writer out) throws IOException;

    /** The media type of the output, e.g. {@code application/json}. */
    String contentType();
}
