package io.calicogitops.driftlog;

import io.calicogitops.diag.InvalidValueException;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** How often a cluster is expected to be audited: longer without a successful audit is a gap in the drift timeline. */
public final class ExpectedInterval {

    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d+)([dhm])");

    private ExpectedInterval() {
    }

    // The messages name the option: both commands take it under that one name, and the user must learn which input
    // was wrong (as history.Interval names --since/--until); kept word for word from the command it moved out of.
    /** {@code 1d}, {@code 12h}, {@code 30m} or an ISO-8601 duration, positive: {@code --expected-interval} of {@code log show} and {@code history}. */
    public static Duration parse(String text) {
        Matcher m = SHORT_DURATION.matcher(text.toLowerCase(Locale.ROOT));
        try {
            Duration d;
            if (m.matches()) {
                long n = Long.parseLong(m.group(1));
                d = switch (m.group(2)) {
                    case "d" -> Duration.ofDays(n);
                    case "h" -> Duration.ofHours(n);
                    default -> Duration.ofMinutes(n);
                };
            } else {
                d = Duration.parse(text);
            }
            if (d.isZero() || d.isNegative()) {
                throw new InvalidValueException("expected-interval", "must be positive, got '" + text + "'");
            }
            return d;
        } catch (DateTimeParseException | ArithmeticException e) {
            throw new InvalidValueException("expected-interval", "expected 1d, 12h, 30m or an ISO-8601 duration, got '" + text + "'");
        }
    }
}
