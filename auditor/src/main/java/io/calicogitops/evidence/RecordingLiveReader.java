package io.calicogitops.evidence;

import io.calicogitops.audit.LiveSnapshot;
import io.calicogitops.audit.Secrets;
import io.calicogitops.audit.LiveQuery;
import io.calicogitops.audit.LiveReader;

import java.util.Optional;

/**
 * Hands the auditor the live state and keeps what it read, so the bundle's snapshot is exactly what the drift report
 * compared (read once: a cluster may change between two reads), with Secret values masked. Local paths in the
 * source are replaced by file names.
 */
final class RecordingLiveReader implements LiveReader {

    private final LiveInput input;
    private LiveSnapshot read;

    RecordingLiveReader(LiveInput input) {
        this.input = input;
    }

    @Override
    public LiveSnapshot read(LiveQuery query) {
        LiveSnapshot s = input.reader().read(query);
        LiveSnapshot shown = new LiveSnapshot(input.redact(s.source()), s.resources(), s.kindsRead());
        // The auditor compares the real values; the bundle keeps them masked.
        read = Secrets.masked(shown);
        return shown;
    }

    Optional<LiveSnapshot> snapshot() {
        return Optional.ofNullable(read);
    }
}
