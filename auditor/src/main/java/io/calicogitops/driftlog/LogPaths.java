package io.calicogitops.driftlog;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The file layout of the log branch: {@code log/<cluster>/<seq, zero-padded to 9 digits>.json}, one file per entry. */
final class LogPaths {

    static final String ROOT = "log";

    private static final Pattern ENTRY = Pattern.compile("log/([a-z0-9]([-a-z0-9]*[a-z0-9])?)/(\\d{9})\\.json");

    /** Path parts of an entry file: its cluster folder and the seq its name gives. */
    record Parsed(String cluster, long seq) {
    }

    private LogPaths() {
    }

    static String of(String cluster, long seq) {
        if (seq > 999_999_999L) {
            throw new IllegalStateException("the drift log of " + cluster + " is full (999999999 entries)");
        }
        return ROOT + "/" + cluster + "/" + String.format("%09d", seq) + ".json";
    }

    static String folder(String cluster) {
        return ROOT + "/" + cluster;
    }

    static Optional<Parsed> parse(String path) {
        Matcher m = ENTRY.matcher(path);
        return m.matches() ? Optional.of(new Parsed(m.group(1), Long.parseLong(m.group(3)))) : Optional.empty();
    }
}
