package io.calicogitops.apply;

/** What became of one planned change. */
public enum StepStatus {
    /** Dry run: the change would be made. */
    PLANNED("planned"),
    /** Written. */
    APPLIED("applied"),
    /** The write failed; apply stopped here. */
    FAILED("failed"),
    /** Not attempted because an earlier write failed. */
    NOT_APPLIED("not-applied");

    private final String label;

    StepStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
