package io.calicogitops.history;

import io.calicogitops.diag.InvalidValueException;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;

/**
 * The commit-time interval history covers, both ends inclusive and either open. On the command line a date
 * {@code YYYY-MM-DD} means UTC midnight for {@code --since} and the whole day (to 23:59:59 UTC) for {@code --until};
 * an ISO-8601 instant ({@code 2026-11-20T14:03:00Z}, or with an offset) means exactly that second.
 */
public record Interval(Optional<Instant> since, Optional<Instant> until) {

    public Interval {
        since = since == null ? Optional.empty() : since;
        until = until == null ? Optional.empty() : until;
        if (since.isPresent() && until.isPresent() && since.get().isAfter(until.get())) {
            throw new InvalidValueException("since", since.get() + " is after the end of the interval, " + until.get());
        }
    }

    /** Every commit. */
    public static Interval all() {
        return new Interval(Optional.empty(), Optional.empty());
    }

    /** From the command-line texts (null or blank: open end); a text that is neither a date nor an instant is a usage error. */
    public static Interval parse(String since, String until) {
        return new Interval(parse("since", since, false), parse("until", until, true));
    }

    public boolean contains(Instant t) {
        Objects.requireNonNull(t, "t");
        return since.map(s -> !t.isBefore(s)).orElse(true) && until.map(u -> !t.isAfter(u)).orElse(true);
    }

    private static Optional<Instant> parse(String option, String text, boolean endOfDay) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String s = text.strip();
        try {
            if (s.length() == 10) {
                LocalDate day = LocalDate.parse(s);
                // Commit times are whole seconds, so the last second of the day ends it.
                return Optional.of(endOfDay ? day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusSeconds(1)
                        : day.atStartOfDay(ZoneOffset.UTC).toInstant());
            }
            return Optional.of(OffsetDateTime.parse(s).toInstant());
        } catch (DateTimeParseException e) {
            throw new InvalidValueException(option, "'" + text + "' is neither a date (YYYY-MM-DD) nor an ISO-8601 instant"
                    + " (2026-11-20T14:03:00Z)");
        }
    }
}
