package io.calicogitops.policy;

/** Stable codes of the lint findings (documented in docs/policy-questions.md). */
public enum LintCode {
    /** A policy in a non-default tier ends without a catch-all rule and no later catch-all Pass covers it. */
    CG_L001("CG-L001"),
    /** A rule no flow can reach: an earlier rule of the same policy and direction matches everything it does. */
    CG_L002("CG-L002"),
    /** A policy whose selector matches no known workload. */
    CG_L003("CG-L003"),
    /** A staged policy that would deny traffic the enforced policies allow. */
    CG_L004("CG-L004"),
    /** Two policies of one tier with the same order (evaluated by name). */
    CG_L005("CG-L005"),
    /** A selector using a label that no workload or network set carries. */
    CG_L006("CG-L006"),
    /** Rules for a direction the policy's {@code types} leaves out: Calico accepts them and never applies them. */
    CG_L007("CG-L007");

    private final String code;

    LintCode(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
