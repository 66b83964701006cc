package io.calicogitops.policy;

/** Stable codes of the lint findings (documented in docs/policy-questions.md). */
public enum LintCode {
    /** A policy in a non-default tier ends without a catch-all rule and no later catch-all Pass covers it. */
    CG_L001("CG-L001",
            "A policy in a non-default tier ends without a catch-all rule and no later catch-all Pass covers it"),
    /** A rule no flow can reach: an earlier rule of the same policy and direction matches everything it does. */
    CG_L002("CG-L002",
            "A rule no flow can reach: an earlier rule of the same policy and direction matches everything it does"),
    /** A policy whose selector matches no known workload. */
    CG_L003("CG-L003",
            "A policy whose selector matches no known workload"),
    /** A staged policy that would deny traffic the enforced policies allow. */
    CG_L004("CG-L004",
            "A staged policy that would deny traffic the enforced policies allow"),
    /** Two policies of one tier with the same order (evaluated by name). */
    CG_L005("CG-L005",
            "Two policies of one tier with the same order (evaluated by name)"),
    /** A selector using a label that no workload or network set carries. */
    CG_L006("CG-L006",
            "A selector using a label that no workload or network set carries"),
    /** Rules for a direction the policy's {@code types} leaves out: Calico accepts them and never applies them. */
    CG_L007("CG-L007",
            "Rules for a direction the policy's types leaves out: Calico accepts them and never applies them");

    private final String code;
    private final String description;

    LintCode(String code, String description) {
        this.code = code;
        this.description = description;
    }

    /** One sentence saying what the finding means (SARIF rule descriptions, docs). */
    public String description() {
        return description;
    }

    /** The code of a finding's message, which the linter starts with {@code "CG-L00n: "}. */
    public static java.util.Optional<LintCode> of(String code) {
        for (LintCode c : values()) {
            if (c.code.equals(code)) {
                return java.util.Optional.of(c);
            }
        }
        return java.util.Optional.empty();
    }

    public String code() {
        return code;
    }
}
