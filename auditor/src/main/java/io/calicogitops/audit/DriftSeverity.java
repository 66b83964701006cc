package io.calicogitops.audit;

/**
 * How much a difference matters, judged by its effect on traffic (see docs/auditing.md, "Severity rules"):
 * critical when it can allow traffic that Git denies, warning for other spec changes, info for metadata.
 */
public enum DriftSeverity {
    NONE, INFO, WARNING, CRITICAL;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public DriftSeverity max(DriftSeverity other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
