package io.calicogitops.evidence;

/** How far a bundle evidences one PCI requirement. */
public enum EvidenceStatus {
    /** Every file the requirement points at is in the bundle, and the files can show all it asks. */
    EVIDENCED("evidenced"),
    /** Some of the evidence is in the bundle; the note says what is missing or kept elsewhere. */
    PARTIAL("partial"),
    /** None of the evidence is in the bundle; each file says how to produce it. */
    NOT_INCLUDED("not included");

    private final String label;

    EvidenceStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
