package io.calicogitops.apply;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How objects are written. {@code update} (the default) creates an absent object and otherwise replaces it against
 * the resourceVersion it read, re-reading and retrying on a conflict; it works on every API server, including
 * Calico's aggregated API server, where server-side apply of policies is known to fail (projectcalico/calico#12841).
 * {@code server-side} sends a server-side apply patch with field manager {@code calico-gitops}, forcing conflicts.
 */
public enum ApplyStrategy {
    UPDATE("update"),
    SERVER_SIDE("server-side");

    private final String label;

    ApplyStrategy(String label) {
        this.label = label;
    }

    /** The name on the command line and in reports. */
    public String label() {
        return label;
    }

    /** @throws IllegalArgumentException naming the accepted values */
    public static ApplyStrategy parse(String text) {
        String wanted = text == null ? "" : text.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(s -> s.label.equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown strategy '" + text + "' (expected "
                        + Arrays.stream(values()).map(ApplyStrategy::label).collect(Collectors.joining(" or ")) + ")"));
    }
}
