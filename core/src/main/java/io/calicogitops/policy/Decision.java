package io.calicogitops.policy;

import java.util.List;
import java.util.stream.Collectors;

/** The evaluation of one direction at one endpoint: outcome and the steps (tier, policy, rule) that led there. */
public record Decision(Direction direction, String endpoint, Outcome outcome, List<Step> steps) {

    public Decision {
        steps = List.copyOf(steps);
    }

    public boolean allows() {
        return outcome.allows();
    }

    /** {@code E@dev/centos: platform/platform.centos-to-frontend rule 2 Pass -> default/default.centos rule 1 Allow}. */
    public String display() {
        String head = direction.mark() + "@" + endpoint + ": ";
        return switch (outcome) {
            case EXTERNAL -> head + "outside the cluster, no policy";
            case NO_POLICY -> head + "no policy selects it -> allow";
            default -> head + steps.stream().map(Step::display).collect(Collectors.joining(" -> "))
                    + (outcome == Outcome.ALLOWED_AFTER_PASS ? " -> no later tier -> allow" : "");
        };
    }
}
