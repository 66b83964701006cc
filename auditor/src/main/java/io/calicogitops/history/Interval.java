package io.calicogitops.history;

import io.calicogitops.diag.InvalidValueException;
import io.calicogitops.model.TimeText;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The commit-time interval history covers, both ends inclusive and either open; its ends are read by {@link TimeText}
 * (a date covers the whole UTC day at both ends).
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

    private static Optional<Instant> parse(String input, String text, boolean endOfDay) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(endOfDay ? TimeText.end(input, text) : TimeText.start(input, text));
    }
}
