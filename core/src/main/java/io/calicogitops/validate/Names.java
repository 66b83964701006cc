package io.calicogitops.validate;

import java.util.Optional;
import java.util.regex.Pattern;

/** Kubernetes and Calico name rules: DNS-1123 labels and subdomains, Calico policy names, label keys. */
public final class Names {

    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    private static final Pattern SUBDOMAIN = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
    private static final Pattern LABEL_NAME = Pattern.compile("([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]");
    private static final Pattern LABEL_VALUE = Pattern.compile("(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?");

    private Names() {
    }

    /** Why {@code s} is not a DNS-1123 label (namespace, tier, cluster name), or empty when it is one. */
    public static Optional<String> checkLabel(String s) {
        if (s == null || s.isEmpty()) {
            return Optional.of("must not be empty");
        }
        if (s.length() > 63) {
            return Optional.of("must be at most 63 characters (got " + s.length() + ")");
        }
        if (!LABEL.matcher(s).matches()) {
            return Optional.of("must be a DNS-1123 label: lower-case letters, digits and '-', starting and ending"
                    + " with a letter or digit (got '" + printable(s) + "')");
        }
        return Optional.empty();
    }

    /** Why {@code s} is not a DNS-1123 subdomain (most object names), or empty when it is one. */
    public static Optional<String> checkSubdomain(String s) {
        if (s == null || s.isEmpty()) {
            return Optional.of("must not be empty");
        }
        if (s.length() > 253) {
            return Optional.of("must be at most 253 characters (got " + s.length() + ")");
        }
        if (!SUBDOMAIN.matcher(s).matches()) {
            return Optional.of("must be a DNS-1123 subdomain: lower-case letters, digits, '-' and '.' (got '"
                    + printable(s) + "')");
        }
        return Optional.empty();
    }

    /**
     * Calico policy name: {@code label} or {@code label.label} (at most one dot, calico-semantics §2), so a
     * tier prefix is the only dot allowed.
     */
    public static Optional<String> checkPolicyName(String s) {
        Optional<String> sub = checkSubdomain(s);
        if (sub.isPresent()) {
            return sub;
        }
        if (s.chars().filter(c -> c == '.').count() > 1) {
            return Optional.of("a Calico policy name has at most one '.', the one after the tier (got '" + s + "')");
        }
        return Optional.empty();
    }

    /** Kubernetes label key: optional DNS subdomain prefix and '/', then a name of at most 63 characters. */
    public static Optional<String> checkLabelKey(String key) {
        if (key == null || key.isEmpty()) {
            return Optional.of("label key must not be empty");
        }
        int slash = key.lastIndexOf('/');
        String name = slash < 0 ? key : key.substring(slash + 1);
        if (slash >= 0) {
            Optional<String> prefix = checkSubdomain(key.substring(0, slash));
            if (prefix.isPresent()) {
                return Optional.of("label key prefix " + prefix.get());
            }
        }
        if (name.length() > 63 || !LABEL_NAME.matcher(name).matches()) {
            return Optional.of("label key '" + printable(key) + "' is not valid: at most 63 characters of letters,"
                    + " digits, '-', '_' and '.', starting and ending with a letter or digit");
        }
        return Optional.empty();
    }

    /** Why {@code value} is not a Kubernetes label value (at most 63 letters, digits, '-', '_', '.'), or empty. */
    public static Optional<String> checkLabelValue(String value) {
        if (value == null || value.length() > 63 || !LABEL_VALUE.matcher(value).matches()) {
            return Optional.of("label value '" + printable(String.valueOf(value)) + "' is not valid: at most 63 characters"
                    + " of letters, digits, '-', '_' and '.', starting and ending with a letter or digit");
        }
        return Optional.empty();
    }

    /** Control characters shown escaped, so a hostile value cannot forge extra lines in the diagnostics. */
    public static String printable(String s) {
        StringBuilder b = new StringBuilder();
        s.codePoints().limit(120).forEach(c -> {
            if (c < 0x20 || c == 0x7f) {
                b.append(String.format("\\x%02x", c));
            } else {
                b.appendCodePoint(c);
            }
        });
        return s.codePointCount(0, s.length()) > 120 ? b + "..." : b.toString();
    }
}
