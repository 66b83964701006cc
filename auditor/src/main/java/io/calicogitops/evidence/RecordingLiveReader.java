package io.calicogitops.evidence;

import io.calicogitops.audit.LiveSnapshot;
import io.calicogitops.audit.live.LiveReader;

import java.util.Optional;
import java.util.Set;

/**
 * Hands the auditor the live state and keeps what it read, so the bundle's snapshot is exactly what the drift report
 * compared (read once: a cluster may change between two reads). Local paths in the source are replaced by file names.
 */
final class RecordingLiveReader implements LiveReader {

    private final LiveInput input;
    private LiveSnapshot read;

    RecordingLiveReader(LiveInput input) {
        this.input = input;
    }

    @Override
    public LiveSnapshot read(Set<String> kinds) {
        LiveSnapshot s = input.reader().read(kinds);
        read = new LiveSnapshot(input.redact(s.source()), s.resources(), s.kindsRead());
        return read;
    }

    Optional<LiveSnapshot> snapshot() {
        return Optional.ofNullable(read);
    }
}
