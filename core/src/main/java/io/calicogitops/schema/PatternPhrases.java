package io.calicogitops.schema;

/** Says in plain words what the regular expressions Calico CRDs use most require, so nobody has to read the regex. */
final class PatternPhrases {

    private PatternPhrases() {
    }

    /** E.g. {@code must be a duration such as 15s, 5m or 1h30m}; falls back to quoting the pattern. */
    static String requirement(String pattern) {
        if (pattern.contains("(ms|s|m|h)") || pattern.contains("(ms|s|h|m|us)")) {
            return "must be a duration such as 15s, 5m or 1h30m";
        }
        if (pattern.contains("[KMGTPE]i")) {
            return "must be a Kubernetes quantity such as 100m, 2 or 512Mi";
        }
        // controller-gen writes case-insensitive enums as ^(?i)(A|B)?$ : list the choices instead.
        if (pattern.startsWith("^(?i)(") && pattern.endsWith(")?$") && pattern.indexOf('(', 6) < 0) {
            return "must be one of " + pattern.substring(6, pattern.length() - 3).replace("|", ", ") + " (any case)";
        }
        return "must match the pattern " + pattern;
    }
}
