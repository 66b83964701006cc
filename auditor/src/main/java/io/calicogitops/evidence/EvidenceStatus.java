package io.calicogitops.evidence;

/** How far a bundle evidences one PCI requirement, as the checks and files in the bundle show it. */
public enum EvidenceStatus {
    /** Every file the requirement points at is in the bundle, its check passed, and the files can show all it asks. */
    EVIDENCED("evidenced"),
    /** Some of the evidence is in the bundle, or its check could not run on everything; the note says what is missing. */
    PARTIAL("partial"),
    /** A check in the bundle shows the requirement is not met (e.g. segmentation violated live, drift); the note says where. */
    NOT_MET("not met"),
    /** None of the evidence is in the bundle; each file says how to produce it. */
    NOT_EVIDENCED("not evidenced");

    private final String label;

    EvidenceStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
