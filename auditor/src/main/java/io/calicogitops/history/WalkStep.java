package io.calicogitops.history;

import java.time.Instant;

/**
 * One commit of a first-parent walk, as the analysis cache keeps it: its id, its commit time (which decides the
 * interval, and where a walk {@code --since} stops) and, when it changed files under the walked folder, the analysis
 * of those changes (null when it changed none there).
 */
record WalkStep(String id, Instant time, CommitAnalyser.Result result) {

    boolean touched() {
        return result != null;
    }
}
