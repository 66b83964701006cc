package io.calicogitops.model;

import io.calicogitops.diag.InvalidValueException;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * A time given on the command line, read the same way by every command that takes one (history, log show, evidence
 * export): a date {@code YYYY-MM-DD} in UTC, which starts a window at its first second and ends one at its last
 * (commit and audit times are whole seconds), or an ISO-8601 instant with {@code Z} or an offset
 * ({@code 2026-11-20T14:03:00Z}, {@code 2026-11-20T15:03:00+01:00}), exactly that moment.
 */
public final class TimeText {

    private TimeText() {
    }

    /** The start of a window ({@code since}): a date's first second. */
    public static Instant start(String input, String text) {
        return parse(input, text, false);
    }

    /** The end of a window ({@code until}), inclusive: a date's last second. */
    public static Instant end(String input, String text) {
        return parse(input, text, true);
    }

    private static Instant parse(String input, String text, boolean endOfDay) {
        String t = text == null ? "" : text.strip();
        try {
            if (t.length() == 10) {
                LocalDate day = LocalDate.parse(t);
                return endOfDay ? day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusSeconds(1)
                        : day.atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidValueException(input, "expected a date (2026-01-31) or an instant (2026-01-31T12:00:00Z),"
                    + " got '" + text + "'");
        }
    }
}
