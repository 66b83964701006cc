package io.calicogitops.validate;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A DNS name as Calico's {@code domains}/{@code allowedEgressDomains} accept it: a name, or a wildcard where
 * {@code *} stands for one or more labels ({@code *.twilio.com} matches {@code api.twilio.com}, not {@code twilio.com}).
 */
public final class DomainPattern {

    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9_]([-A-Za-z0-9_]{0,61}[A-Za-z0-9_])?");

    private DomainPattern() {
    }

    /** Why {@code domain} is not an acceptable name or wildcard pattern, or empty. */
    public static Optional<String> check(String domain) {
        if (domain == null || domain.isEmpty()) {
            return Optional.of("domain must not be empty");
        }
        String d = domain.endsWith(".") ? domain.substring(0, domain.length() - 1) : domain;
        if (d.length() > 253) {
            return Optional.of("domain '" + Names.printable(domain) + "' is longer than 253 characters");
        }
        String[] labels = d.split("\\.", -1);
        for (String label : labels) {
            if (label.equals("*")) {
                continue;
            }
            if (label.contains("*")) {
                String stripped = label.replace("*", "a");
                if (!LABEL.matcher(stripped).matches()) {
                    return Optional.of("domain '" + Names.printable(domain) + "' has a bad label '" + label + "'");
                }
                continue;
            }
            if (!LABEL.matcher(label).matches()) {
                return Optional.of("domain '" + Names.printable(domain) + "' has a bad label '"
                        + Names.printable(label) + "'");
            }
        }
        return Optional.empty();
    }

    /** Whether {@code name} matches {@code pattern} (case-insensitive; '*' = one or more labels or a part of one). */
    public static boolean matches(String pattern, String name) {
        String p = pattern.toLowerCase(Locale.ROOT).replaceAll("\\.$", "");
        String n = name.toLowerCase(Locale.ROOT).replaceAll("\\.$", "");
        StringBuilder re = new StringBuilder();
        for (String part : p.split("\\*", -1)) {
            if (re.length() > 0) {
                re.append(".+");
            }
            re.append(Pattern.quote(part));
        }
        return n.matches(re.toString());
    }
}
