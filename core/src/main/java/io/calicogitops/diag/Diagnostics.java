package io.calicogitops.diag;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Collects every problem of a phase so that they are reported at once, sorted, instead of failing on the first.
 * Thread-safe for adding from parallel rendering.
 */
public final class Diagnostics {

    private final List<Diagnostic> items = new ArrayList<>();

    public synchronized Diagnostics add(Diagnostic d) {
        items.add(d);
        return this;
    }

    public Diagnostics error(SourceLocation at, String message) {
        return add(Diagnostic.error(at, message));
    }

    public Diagnostics error(SourceLocation at, String message, String hint) {
        return add(Diagnostic.error(at, message, hint));
    }

    public Diagnostics warning(SourceLocation at, String message, String hint) {
        return add(Diagnostic.warning(at, message, hint));
    }

    public synchronized Diagnostics addAll(Collection<Diagnostic> more) {
        items.addAll(more);
        return this;
    }

    /** Adds everything {@code other} holds, in the order it was added there. */
    public Diagnostics addAll(Diagnostics other) {
        List<Diagnostic> more;
        synchronized (other) {
            more = new ArrayList<>(other.items);
        }
        return addAll(more);
    }

    public synchronized boolean isEmpty() {
        return items.isEmpty();
    }

    public synchronized boolean hasErrors() {
        return items.stream().anyMatch(Diagnostic::isError);
    }

    public synchronized int errorCount() {
        return (int) items.stream().filter(Diagnostic::isError).count();
    }

    /** All diagnostics, sorted by file, line, column, severity and message, duplicates removed. */
    public synchronized List<Diagnostic> sorted() {
        return items.stream().distinct().sorted().collect(Collectors.toUnmodifiableList());
    }

    /** Throws {@link InvalidInputException} carrying everything collected if any error was found. */
    public void throwIfErrors(String phase) {
        if (hasErrors()) {
            throw new InvalidInputException(phase, sorted());
        }
    }

    /** Every diagnostic formatted, one per line (hints on their own indented line), sorted. */
    public String format() {
        return sorted().stream().map(Diagnostic::format).collect(Collectors.joining("\n"));
    }
}
