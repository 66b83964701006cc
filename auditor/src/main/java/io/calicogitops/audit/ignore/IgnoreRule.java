package io.calicogitops.audit.ignore;

import io.calicogitops.diag.SourceLocation;
import io.calicogitops.model.ResourceId;

import java.time.LocalDate;
import java.util.regex.Pattern;

/**
 * One accepted difference: which resources (globs on kind, namespace, name), optionally which part (a JSON pointer
 * prefix), who owns the exception, why, and until when. An expired rule no longer ignores anything.
 */
public record IgnoreRule(String kind, String namespace, String name, String pointer, String owner, String reason,
                         LocalDate expires, SourceLocation origin) {

    public boolean matches(ResourceId id) {
        return glob(kind, id.kind()) && glob(namespace, id.namespace()) && glob(name, id.name());
    }

    /** Whether a change at {@code changePointer} falls under this rule ({@code pointer} empty: the whole resource). */
    public boolean covers(String changePointer) {
        return pointer.isEmpty() || changePointer.equals(pointer) || changePointer.startsWith(pointer + "/");
    }

    public boolean expiredOn(LocalDate today) {
        return today.isAfter(expires);
    }

    /** How reports name the rule: {@code owner: reason (until 2027-01-31) [file:line]}. */
    public String describe() {
        return owner + ": " + reason + " (until " + expires + ") [" + origin + "]";
    }

    /** How reports list an expired rule: {@code owner: reason (expired 2027-01-31) [file:line]}. */
    public String describeExpired() {
        return owner + ": " + reason + " (expired " + expires + ") [" + origin + "]";
    }

    static boolean glob(String pattern, String value) {
        StringBuilder re = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            re.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
        }
        return value.matches(re.toString());
    }
}
