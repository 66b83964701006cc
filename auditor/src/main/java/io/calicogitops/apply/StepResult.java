package io.calicogitops.apply;

import java.util.Objects;
import java.util.Optional;

/** One planned change and what became of it; {@code error} is set only for the failed step. */
public record StepResult(PlannedChange change, StepStatus status, Optional<String> error) {

    public StepResult {
        Objects.requireNonNull(change, "change");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(error, "error");
    }
}
