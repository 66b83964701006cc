package io.calicogitops.validate;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A container image reference as the distribution reference grammar defines it: {@code [host[:port]/]path[:tag][@digest]},
 * path components lower-case. A reference without tag or digest is refused: a scheduled job should run a known build.
 */
public final class ImageReference {

    private static final String COMPONENT = "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*";
    private static final String HOST = "(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*"
            + "(?::[0-9]+)?/)?";
    private static final Pattern REFERENCE = Pattern.compile(HOST + COMPONENT + "(?:/" + COMPONENT + ")*"
            + "(?<tag>:[\\w][\\w.-]{0,127})?(?<digest>@sha256:[a-f0-9]{64})?");

    private ImageReference() {
    }

    /** Why {@code image} is not a pinned image reference, or empty when it is one. */
    public static Optional<String> check(String image) {
        if (image == null || image.isEmpty()) {
            return Optional.of("must not be empty");
        }
        var m = REFERENCE.matcher(image);
        if (!m.matches()) {
            return Optional.of("'" + Names.printable(image) + "' is not an image reference"
                    + " (expected [registry/]path:tag or [registry/]path@sha256:digest, path in lower case)");
        }
        if (m.group("tag") == null && m.group("digest") == null) {
            return Optional.of("'" + Names.printable(image) + "' has no tag or digest (add one, e.g. ':1.0.0')");
        }
        if (":latest".equals(m.group("tag")) && m.group("digest") == null) {
            return Optional.of("'" + Names.printable(image) + "': ':latest' is not a pinned version");
        }
        return Optional.empty();
    }
}
