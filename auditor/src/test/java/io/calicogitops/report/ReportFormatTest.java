package io.calicogitops.report;

import io.calicogitops.audit.AuditReport;
import io.calicogitops.diag.UsageException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.io.Writer;

import static io.calicogitops.report.ReportFixtures.render;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Choosing a format, and what every format promises: same report, same bytes; the writer is left open. */
class ReportFormatTest {

    @ParameterizedTest
    @CsvSource({"text, TEXT", "JSON, JSON", "Markdown, MARKDOWN", " html , HTML", "junit, JUNIT"})
    void parse_ignoresCaseAndSurroundingSpace(String name, ReportFormat expected) {
        assertEquals(expected, ReportFormat.parse(name));
    }

    @Test
    void parse_unknownName_isAUsageErrorListingTheFormats() {
        UsageException e = assertThrows(UsageException.class, () -> ReportFormat.parse("xml"));
        assertEquals("unknown report format 'xml' (expected text, json, markdown, html, junit)", e.getMessage());
    }

    @ParameterizedTest
    @EnumSource(ReportFormat.class)
    void write_sameReportTwice_givesTheSameCharactersWithUnixLineEnds(ReportFormat format) {
        for (AuditReport report : ReportFixtures.all()) {
            String first = render(format.reporter(), report);
            assertEquals(first, render(format.reporter(), ReportFixtures.all().get(ReportFixtures.all().indexOf(report))));
            assertFalse(first.contains("\r"), format + " writes \\r");
            assertTrue(first.endsWith("\n"), format + " ends without a newline");
        }
    }

    @ParameterizedTest
    @EnumSource(ReportFormat.class)
    void write_flushesButDoesNotCloseTheWriter(ReportFormat format) throws IOException {
        var out = new TrackingWriter();
        format.reporter().write(ReportFixtures.drift(), out);
        assertTrue(out.flushed && !out.closed, format.toString());
        assertFalse(format.reporter().contentType().isBlank());
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
