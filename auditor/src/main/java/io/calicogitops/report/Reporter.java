package io.calicogitops.report;

import io.calicogitops.audit.AuditReport;

import java.io.IOException;
import java.io.Writer;

/**
 * Writes an {@link AuditReport} in one output format. Implementations are deterministic (the same report gives the
 * same characters: no timestamps, no hash order, {@code \n} line ends), flush {@code out} and never close it.
 */
public interface Reporter {

    void write(AuditReport report, Writer out) throws IOException;

    /** The media type of the output, e.g. {@code application/json}, for uploads and HTTP responses. */
    String contentType();
}
