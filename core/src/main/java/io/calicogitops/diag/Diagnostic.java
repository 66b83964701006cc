package io.calicogitops.diag;

import java.util.Comparator;
import java.util.Objects;

/** One problem found in the input, printed compiler-style: {@code file:line:col: error: message} plus an optional hint line. */
public record Diagnostic(SourceLocation location, Severity severity, String message, String hint)
        implements Comparable<Diagnostic> {

    private static final Comparator<Diagnostic> ORDER = Comparator
            .comparing(Diagnostic::location)
            .thenComparing(Diagnostic::severity)
            .thenComparing(Diagnostic::message);

    public Diagnostic {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
        hint = hint == null || hint.isBlank() ? null : hint;
    }

    public static Diagnostic error(SourceLocation at, String message) {
        return new Diagnostic(at, Severity.ERROR, message, null);
    }

    public static Diagnostic error(SourceLocation at, String message, String hint) {
        return new Diagnostic(at, Severity.ERROR, message, hint);
    }

    public static Diagnostic warning(SourceLocation at, String message, String hint) {
        return new Diagnostic(at, Severity.WARNING, message, hint);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    @Override
    public int compareTo(Diagnostic o) {
        return ORDER.compare(this, o);
    }

    /** The compiler-style text, hint indented on the next line. */
    public String format() {
        String head = location + ": " + severity.label() + ": " + message;
        return hint == null ? head : head + "\n    hint: " + hint;
    }

    @Override
    public String toString() {
        return format();
    }
}
