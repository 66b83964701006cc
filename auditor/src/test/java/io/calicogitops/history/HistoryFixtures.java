package io.calicogitops.history;

import java.nio.file.Path;
import java.util.Optional;

/** The scripted fleet history for tests outside this package (reporters, command line). */
public final class HistoryFixtures {

    private HistoryFixtures() {
    }

    /** Writes the fleet history of {@link Scenarios#fleet} into a new repository at {@code dir}. */
    public static void writeFleet(Path dir) {
        Scenarios.fleet(dir);
    }

    /** History of {@code cluster} (all when null) between the two command-line dates (open when null). */
    public static HistoryReport walk(Path repo, String cluster, String since, String until) {
        return new History().walk(new HistoryRequest(repo, null, Optional.ofNullable(cluster), Interval.parse(since, until)));
    }
}
