package io.calicogitops.model;

import io.calicogitops.diag.ExitCodes;
import io.calicogitops.diag.InvalidValueException;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TimeTextTest {

    @Test
    void aDate_startsAtItsFirstSecondAndEndsAtItsLast_inUtc() {
        assertEquals(Instant.parse("2026-02-28T00:00:00Z"), TimeText.start("since", "2026-02-28"));
        assertEquals(Instant.parse("2026-02-28T23:59:59Z"), TimeText.end("until", " 2026-02-28 "));
    }

    @Test
    void anInstant_isThatMoment_withZOrAnOffset() {
        assertEquals(Instant.parse("2026-11-20T14:03:00Z"), TimeText.start("since", "2026-11-20T14:03:00Z"));
        assertEquals(Instant.parse("2026-11-20T14:03:00Z"), TimeText.end("until", "2026-11-20T15:03:00+01:00"));
        assertEquals(Instant.parse("2026-11-20T14:03:00.250Z"), TimeText.start("since", "2026-11-20T14:03:00.25Z"));
    }

    @Test
    void anythingElse_isAUsageErrorNamingTheInput() {
        for (String text : new String[] {"yesterday", "2026-13-01", "2026-11-20T14:03", "", "20261120"}) {
            InvalidValueException e = assertThrows(InvalidValueException.class, () -> TimeText.start("since", text));
            assertEquals("since: expected a date (2026-01-31) or an instant (2026-01-31T12:00:00Z), got '" + text + "'",
                    e.getMessage());
            assertEquals(ExitCodes.USAGE, e.exitCode());
        }
    }
}
