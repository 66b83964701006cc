package io.calicogitops.evidence;

import io.calicogitops.audit.LiveSnapshot;
import io.calicogitops.audit.Secrets;
import io.calicogitops.audit.LiveQuery;
import io.calicogitops.audit.LiveReader;

import java.util.Optional;

/**
 * Hands the live evaluation the live state and keeps what it read, so the bundle's evaluated snapshot is exactly what
 * was evaluated (read once: a cluster may change between two reads), with Secret values masked. Local paths in the
 * source are replaced by file names. An audit needs no such wrapper: its report carries the snapshot it compared.
 */
final class RecordingLiveReader implements LiveReader {

    private final LiveInput input;
    private LiveSnapshot read;

    RecordingLiveReader(LiveInput input) {
        this.input = input;
    }

    @Override
    public LiveSnapshot read(LiveQuery query) {
        LiveSnapshot shown = input.redacted().read(query);
        // The auditor compares the real values; the bundle keeps them masked.
        read = Secrets.masked(shown);
        return shown;
    }

    Optional<LiveSnapshot> snapshot() {
        return Optional.ofNullable(read);
    }
}
