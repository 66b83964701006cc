package io.calicogitops.driftlog;

import java.util.Objects;
import java.util.Optional;

/**
 * What {@code log checkpoint} found and made: the verification of the cluster's log at the moment, and the checkpoint
 * of its newest entry (empty when the log did not verify, or holds no entry of the cluster).
 */
public record CheckpointResult(VerifyResult verified, Optional<LogCheckpoint> checkpoint) {

    public CheckpointResult {
        Objects.requireNonNull(verified, "verified");
        Objects.requireNonNull(checkpoint, "checkpoint");
    }
}
