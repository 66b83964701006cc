package io.calicogitops.yaml;

import io.calicogitops.diag.Diagnostic;

/** Thrown inside the reader when a file cannot be read further (a limit breached); carries the diagnostic. */
final class StopReading extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final transient Diagnostic diagnostic;

    StopReading(Diagnostic diagnostic) {
        super(diagnostic.message(), null, false, false);
        this.diagnostic = diagnostic;
    }

    Diagnostic diagnostic() {
        return diagnostic;
    }
}
