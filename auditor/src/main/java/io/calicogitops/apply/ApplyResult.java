package io.calicogitops.apply;

import io.calicogitops.diag.ExitCodes;

import java.util.List;
import java.util.Optional;

/**
 * The outcome of an apply: the plan, each step's status, and the first failure (apply stops there). Exit code: 4 on a
 * failure; for a dry run 1 when something would change, else 0; otherwise 0.
 */
public record ApplyResult(ApplyPlan plan, ApplyStrategy strategy, boolean dryRun, boolean prune, List<StepResult> steps,
                          Optional<String> failure) {

    public ApplyResult {
        steps = List.copyOf(steps);
    }

    public long count(StepStatus status) {
        return steps.stream().filter(s -> s.status() == status).count();
    }

    /** Steps of one action with one status, e.g. how many creates were applied. */
    public long count(ApplyAction action, StepStatus status) {
        return steps.stream().filter(s -> s.status() == status && s.change().action() == action).count();
    }

    public int exitCode() {
        if (failure.isPresent()) {
            return ExitCodes.ACCESS;
        }
        return dryRun && !steps.isEmpty() ? ExitCodes.FINDINGS : ExitCodes.OK;
    }
}
