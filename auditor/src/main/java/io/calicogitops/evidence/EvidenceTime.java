package io.calicogitops.evidence;

import io.calicogitops.diag.InvalidValueException;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * The times an export takes on the command line: a date ({@code 2026-01-31}, UTC; as {@code --since} its first second,
 * as {@code --until} its last) or an instant with an offset ({@code 2026-01-31T12:00:00Z}, {@code ...+01:00}),
 * kept to the second.
 */
public final class EvidenceTime {

    private EvidenceTime() {
    }

    public static Instant since(String text) {
        return parse("since", text, false);
    }

    public static Instant until(String text) {
        return parse("until", text, true);
    }

    /** {@code --generated-at}: an instant (a date means its first second). */
    public static Instant generatedAt(String text) {
        return parse("generated-at", text, false);
    }

    /** The current time to the second: taken once per export and used everywhere. */
    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS);
    }

    private static Instant parse(String option, String text, boolean endOfDay) {
        String t = text == null ? "" : text.trim();
        try {
            if (t.length() == 10) {
                LocalDate day = LocalDate.parse(t);
                return endOfDay ? day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusSeconds(1)
                        : day.atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return OffsetDateTime.parse(t).toInstant().truncatedTo(ChronoUnit.SECONDS);
        } catch (DateTimeParseException e) {
            throw new InvalidValueException(option, "expected a date (2026-01-31) or an instant (2026-01-31T12:00:00Z), got '"
                    + text + "'");
        }
    }
}
