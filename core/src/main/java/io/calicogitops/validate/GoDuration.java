package io.calicogitops.validate;

import java.util.Optional;
import java.util.regex.Pattern;

/** Go's {@code time.Duration} text form, which Felix duration fields use ({@code 15s}, {@code 5m0s}, {@code 1h30m}). */
public final class GoDuration {

    private static final Pattern DURATION = Pattern.compile("([0-9]+(\\.[0-9]*)?(ns|us|µs|ms|s|m|h))+|0");

    private GoDuration() {
    }

    /** Why {@code s} is not a Go duration, or empty. */
    public static Optional<String> check(String s) {
        if (s != null && DURATION.matcher(s).matches()) {
            return Optional.empty();
        }
        return Optional.of("'" + (s == null ? "" : Names.printable(s)) + "' is not a duration (examples: 15s, 5m0s, 1h)");
    }
}
