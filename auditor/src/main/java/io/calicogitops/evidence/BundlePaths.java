package io.calicogitops.evidence;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;

/**
 * What a path inside a bundle may be: relative, {@code /}-separated, without {@code ..}, {@code .} or empty segments,
 * backslashes, drive letters or control characters. Git refuses such names in trees (its {@code verify_path}), and
 * unzip tools that honour them write outside the folder they unpack into ("zip slip"); a bundle that holds or lists one
 * is invalid whatever its hashes say. Two names that differ only in case (or Unicode normalisation) are one file on
 * macOS and Windows, so an auditor who unpacks the bundle there would see only one of them.
 */
final class BundlePaths {

    private BundlePaths() {
    }

    /** Why {@code path} is not a safe relative path, or empty when it is. A directory's trailing slash is allowed. */
    static Optional<String> unsafe(String path, boolean directory) {
        String p = directory && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        if (p.isEmpty()) {
            return Optional.of("an empty name");
        }
        if (p.indexOf('\\') >= 0) {
            return Optional.of("a backslash");
        }
        if (p.startsWith("/")) {
            return Optional.of("absolute");
        }
        if (p.length() >= 2 && p.charAt(1) == ':' && Character.isLetter(p.charAt(0))) {
            return Optional.of("a drive letter");
        }
        if (p.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            return Optional.of("a control character");
        }
        for (String segment : p.split("/", -1)) {
            if (segment.equals("..")) {
                return Optional.of(".. climbs out of the bundle");
            }
            if (segment.isEmpty() || segment.equals(".")) {
                return Optional.of("an empty or . segment");
            }
        }
        return Optional.empty();
    }

    /** The name a case-insensitive, normalising file system (APFS, NTFS) would store {@code path} under. */
    static String folded(String path) {
        return Normalizer.normalize(path, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    }
}
