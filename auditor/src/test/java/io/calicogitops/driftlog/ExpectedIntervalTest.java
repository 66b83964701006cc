package io.calicogitops.driftlog;

import io.calicogitops.diag.UsageException;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The expected audit interval shared by {@code log show} and {@code history} (moved out of a command by issue 13). */
class ExpectedIntervalTest {

    @Test
    void shortFormsAndIso8601_parse() {
        assertEquals(Duration.ofDays(1), ExpectedInterval.parse("1d"));
        assertEquals(Duration.ofHours(36), ExpectedInterval.parse("36H"));
        assertEquals(Duration.ofMinutes(30), ExpectedInterval.parse("30m"));
        assertEquals(Duration.ofHours(6), ExpectedInterval.parse("PT6H"));
    }

    @Test
    void zeroNegativeAndGarbage_areUsageErrors() {
        assertTrue(assertThrows(UsageException.class, () -> ExpectedInterval.parse("0d")).getMessage().contains("must be positive"));
        assertTrue(assertThrows(UsageException.class, () -> ExpectedInterval.parse("-PT1H")).getMessage().contains("must be positive"));
        assertTrue(assertThrows(UsageException.class, () -> ExpectedInterval.parse("weekly")).getMessage()
                .contains("expected 1d, 12h, 30m or an ISO-8601 duration, got 'weekly'"));
    }
}
