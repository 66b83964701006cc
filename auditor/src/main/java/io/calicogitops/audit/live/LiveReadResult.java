package io.calicogitops.audit.live;

import io.calicogitops.audit.LiveSnapshot;

import java.util.List;
import java.util.Objects;

/**
 * A complete snapshot plus what the reader wants the user to know about it without failing: requested kinds that
 * had no objects in snapshot files, requests that only succeeded after a retry. The same sentences are appended
 * to {@link LiveSnapshot#source()} so that nothing is lost when only the snapshot is passed on.
 */
public record LiveReadResult(LiveSnapshot snapshot, List<String> warnings) {

    public LiveReadResult {
        Objects.requireNonNull(snapshot, "snapshot");
        warnings = List.copyOf(warnings);
    }
}
