package io.calicogitops.diag;

/** How bad a diagnostic is: errors stop the run, warnings and notes are reported and the run goes on. */
public enum Severity {
    ERROR("error"), WARNING("warning"), NOTE("note");

    private final String label;

    Severity(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
