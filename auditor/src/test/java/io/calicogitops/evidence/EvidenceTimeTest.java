package io.calicogitops.evidence;

import io.calicogitops.diag.UsageException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Dates and instants on the command line. */
class EvidenceTimeTest {

    @ParameterizedTest(name = "{0}: since {1}, until {2}")
    @CsvSource({
            "2026-01-31, 2026-01-31T00:00:00Z, 2026-01-31T23:59:59Z",
            "2026-01-31T12:30:00Z, 2026-01-31T12:30:00Z, 2026-01-31T12:30:00Z",
            "2026-01-31T12:30:00+02:00, 2026-01-31T10:30:00Z, 2026-01-31T10:30:00Z",
            "2026-01-31T12:30:00.750Z, 2026-01-31T12:30:00Z, 2026-01-31T12:30:00Z",
    })
    void dateMeansItsWholeDayInUtc_instantIsKeptToTheSecond(String text, String since, String until) {
        assertEquals(Instant.parse(since), EvidenceTime.since(text));
        assertEquals(Instant.parse(until), EvidenceTime.until(text));
    }

    @Test
    void garbage_isAUsageErrorNamingTheOption() {
        UsageException e = assertThrows(UsageException.class, () -> EvidenceTime.generatedAt("yesterday"));

        assertEquals("generated-at: expected a date (2026-01-31) or an instant (2026-01-31T12:00:00Z), got 'yesterday'",
                e.getMessage());
    }
}
