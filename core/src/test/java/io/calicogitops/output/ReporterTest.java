package io.calicogitops.output;

import io.calicogitops.diag.UsageException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReporterTest {

    private final Reporter<Integer> reporter = Reporter.<Integer>builder("number")
            .text(OutputFormat.TEXT, n -> "n=" + n + "\n")
            .text(OutputFormat.JSON, n -> "{\"n\":" + n + "}\n")
            .text(OutputFormat.CSV, n -> "n\n" + n + "\n")
            .build();

    @Test
    void firstFormatIsTheDefault_andOrderIsKept() {
        assertEquals(OutputFormat.TEXT, reporter.defaultFormat());
        assertEquals(List.of(OutputFormat.TEXT, OutputFormat.JSON, OutputFormat.CSV), List.copyOf(reporter.formats()));
        assertEquals("text, json or csv", reporter.describeFormats());
    }

    @Test
    void parse_ignoresCaseAndBlanks() {
        assertEquals(OutputFormat.JSON, reporter.parse(" JSON "));
    }

    @Test
    void parse_aFormatOfAnotherResultIsAUsageErrorListingTheValidOnes() {
        UsageException e = assertThrows(UsageException.class, () -> reporter.parse("sarif"));
        assertEquals("unknown output format 'sarif' for the number (expected text, json, csv)", e.getMessage());
        assertEquals(2, e.exitCode());
    }

    @Test
    void render_usesTheChosenFormatsRenderer() {
        assertEquals("{\"n\":7}\n", reporter.render(7, OutputFormat.JSON));
        assertEquals("n\n7\n", reporter.render(7, OutputFormat.CSV));
        assertTrue(reporter.supports(OutputFormat.CSV));
        assertFalse(reporter.supports(OutputFormat.HTML));
        assertThrows(IllegalArgumentException.class, () -> reporter.render(7, OutputFormat.HTML));
    }

    @Test
    void builder_refusesAFormatTwiceAndAnEmptyReporter() {
        assertThrows(IllegalArgumentException.class, () -> Reporter.<Integer>builder("x")
                .text(OutputFormat.TEXT, String::valueOf).text(OutputFormat.TEXT, String::valueOf));
        assertThrows(IllegalStateException.class, () -> Reporter.<Integer>builder("x").build());
    }

    @Test
    void everyFormatHasALowerCaseLabelAndAMediaType() {
        for (OutputFormat f : OutputFormat.values()) {
            assertEquals(f.name().toLowerCase(java.util.Locale.ROOT), f.label());
            assertTrue(f.contentType().contains("/"), f.label());
        }
    }
}
