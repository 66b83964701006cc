package io.calicogitops.report;

import io.calicogitops.audit.AuditReport;
import io.calicogitops.diag.UsageException;
import io.calicogitops.output.OutputFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.Writer;
import java.util.Set;

import static io.calicogitops.report.ReportFixtures.render;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Choosing a format, and what every format promises: same report, same bytes; the writer is left open. */
class ReportFormatTest {

    @ParameterizedTest
    @CsvSource({"text, TEXT", "JSON, JSON", "Markdown, MARKDOWN", " html , HTML", "junit, JUNIT"})
    void parse_ignoresCaseAndSurroundingSpace(String name, OutputFormat expected) {
        assertEquals(expected, AuditReporters.PLAIN.parse(name));
    }

    @Test
    void parse_unknownName_isAUsageErrorListingTheFormats() {
        UsageException e = assertThrows(UsageException.class, () -> AuditReporters.PLAIN.parse("xml"));
        assertEquals("unknown output format 'xml' for the audit report (expected text, json, markdown, html, junit, sarif)",
                e.getMessage());
    }

    @ParameterizedTest
    @MethodSource("formats")
    void write_sameReportTwice_givesTheSameCharactersWithUnixLineEnds(OutputFormat format) {
        for (AuditReport report : ReportFixtures.all()) {
            String first = AuditReporters.PLAIN.render(report, format);
            assertEquals(first, AuditReporters.PLAIN.render(ReportFixtures.all().get(ReportFixtures.all().indexOf(report)), format));
            assertFalse(first.contains("\r"), format + " writes \\r");
            assertTrue(first.endsWith("\n"), format + " ends without a newline");
        }
    }

    @ParameterizedTest
    @MethodSource("formats")
    void write_flushesButDoesNotCloseTheWriter(OutputFormat format) throws IOException {
        var out = new TrackingWriter();
        AuditReporters.PLAIN.write(ReportFixtures.drift(), format, out);
        assertTrue(out.flushed && !out.closed, format.toString());
    }

    static Set<OutputFormat> formats() {
        return AuditReporters.PLAIN.formats();
    }

    private static final class TrackingWriter extends Writer {
        boolean flushed;
        boolean closed;

        @Override
        public void write(char[] buf, int off, int len) {
        }

        @Override
        public void flush() {
            flushed = true;
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
