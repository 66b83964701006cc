package io.calicogitops.driftlog;

import java.util.List;

/** Builds drift states from logged drift, as a drift log entry would give them. */
public final class DriftStateFixtures {

    private DriftStateFixtures() {
    }

    public static DriftState of(List<LoggedDrift> drift) {
        LogEntry entry = new LogEntry(1, java.time.Instant.EPOCH, "c", java.util.Optional.of("0".repeat(40)), "HEAD", "files",
                java.util.Optional.of("0".repeat(64)), drift.isEmpty(), java.util.Map.of(), drift, java.util.Optional.empty(),
                LogEntryJson.GENESIS, "0".repeat(64), java.util.OptionalLong.of(0), java.util.Optional.empty());
        return DriftState.of(entry);
    }
}
