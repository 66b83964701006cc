package io.calicogitops.policy;

/**
 * One line of a trace: a rule of a policy that matched (1-based), or a tier's end-of-tier default action (rule 0).
 * {@code namespace} is "" for global policies; the text form names tier and policy, as Calico's UI does.
 */
public record Step(String tier, String namespace, String policy, int rule, Action action) {

    public boolean endOfTier() {
        return rule == 0;
    }

    public String display() {
        return endOfTier() ? tier + " end-of-tier " + action.display()
                : tier + "/" + policy + " rule " + rule + " " + action.display();
    }
}
