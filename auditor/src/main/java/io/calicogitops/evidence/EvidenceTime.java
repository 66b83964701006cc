package io.calicogitops.evidence;

import io.calicogitops.model.TimeText;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The times an export takes on the command line, read by {@link TimeText} (a date is its first second as
 * {@code --since}, its last as {@code --until}) and kept to the second, as the bundle records them.
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

    private static Instant parse(String input, String text, boolean endOfDay) {
        Instant at = endOfDay ? TimeText.end(input, text) : TimeText.start(input, text);
        return at.truncatedTo(ChronoUnit.SECONDS);
    }
}
