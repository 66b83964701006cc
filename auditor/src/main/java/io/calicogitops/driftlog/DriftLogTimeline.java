package io.calicogitops.driftlog;

import io.calicogitops.git.GitRepo;
import io.calicogitops.history.DriftTimelineEntry;
import io.calicogitops.history.DriftTimelineSource;
import io.calicogitops.history.Interval;

import java.util.List;
import java.util.Optional;

/**
 * The drift log seen through history's {@link DriftTimelineSource}: one timeline point per recorded audit of the
 * cluster in the interval ({@code in sync}, {@code drift (critical, 3 resources)}, {@code failed: <error>}), so the
 * bundle's {@code history.json} carries the drift timeline next to the commits.
 */
public final class DriftLogTimeline implements DriftTimelineSource {

    @Override
    public List<DriftTimelineEntry> entries(GitRepo git, Optional<String> cluster, Interval interval) {
        if (cluster.isEmpty()) {
            return List.of(); // the log keeps one chain per cluster; a bundle is always about one
        }
        return new DriftLog().read(git, cluster.get(), interval.since(), interval.until()).stream()
                .map(e -> new DriftTimelineEntry(e.time(), e.cluster(), summary(e))).toList();
    }

    static String summary(LogEntry e) {
        if (e.failed()) {
            return "failed: " + e.error().orElse("").lines().findFirst().orElse("");
        }
        return e.inSync() ? "in sync" : "drift (" + e.worst().label() + ", " + e.drift().size()
                + (e.drift().size() == 1 ? " resource)" : " resources)");
    }
}
