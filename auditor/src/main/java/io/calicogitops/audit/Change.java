package io.calicogitops.audit;

import java.util.Objects;

/**
 * One human-readable difference inside a resource, e.g. {@code egress rule 2: action Deny -> Allow}, with the JSON
 * pointer it concerns (in the desired document when it exists there) and its severity.
 */
public record Change(String pointer, String sentence, DriftSeverity severity) {

    public Change {
        Objects.requireNonNull(pointer, "pointer");
        Objects.requireNonNull(sentence, "sentence");
        Objects.requireNonNull(severity, "severity");
    }
}
