package io.calicogitops.driftlog;

import io.calicogitops.git.GitRepo;
import io.calicogitops.history.DriftTimelineEntry;
import io.calicogitops.history.DriftTimelineSource;
import io.calicogitops.history.DriftTimelineView;
import io.calicogitops.history.Interval;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The drift log seen through history's {@link DriftTimelineSource}, as {@code log show} reads it: the cluster's
 * recorded audits in the interval ({@code in sync}, {@code drift (critical, 3 resources)}, {@code failed: <error>}),
 * each drift's span and the gaps longer than the expected interval without a successful audit. Entries before the
 * interval feed the spans (a drift older than the interval keeps its first-seen); an open start is the first entry,
 * an open end is now.
 */
public final class DriftLogTimeline implements DriftTimelineSource {

    private final Duration expectedInterval;
    private final Clock clock;

    public DriftLogTimeline() {
        this(DriftTimeline.DEFAULT_INTERVAL, Clock.systemUTC());
    }

    public DriftLogTimeline(Duration expectedInterval) {
        this(expectedInterval, Clock.systemUTC());
    }

    /** {@code clock} ends an interval that has no end (tests fix it). */
    public DriftLogTimeline(Duration expectedInterval, Clock clock) {
        this.expectedInterval = Objects.requireNonNull(expectedInterval, "expectedInterval");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public DriftTimelineView timeline(GitRepo git, Optional<String> cluster, Interval interval) {
        if (cluster.isEmpty()) {
            return DriftTimelineView.empty(); // the log keeps one chain per cluster
        }
        Instant to = interval.until().orElseGet(() -> clock.instant().truncatedTo(ChronoUnit.SECONDS));
        List<LogEntry> all = new DriftLog().read(git, cluster.get(), Optional.empty(), Optional.of(to));
        if (all.isEmpty()) {
            return DriftTimelineView.empty();
        }
        Instant start = interval.since().orElse(all.stream().map(LogEntry::time).min(Instant::compareTo).orElseThrow());
        if (to.isBefore(start)) {
            to = start;
        }
        DriftTimeline t = DriftTimeline.from(all, start, to, expectedInterval);
        List<DriftTimelineEntry> audits = all.stream().filter(e -> !e.time().isBefore(start))
                .map(e -> new DriftTimelineEntry(e.time(), e.cluster(), summary(e))).toList();
        List<DriftTimelineView.Span> spans = t.drift().stream().map(DriftLogTimeline::span).toList();
        List<DriftTimelineView.Gap> gaps = t.gaps().stream()
                .map(g -> new DriftTimelineView.Gap(g.cluster(), g.from(), g.to(), g.failedAudits().size())).toList();
        return new DriftTimelineView(audits, spans, gaps, Optional.of(expectedInterval));
    }

    private static DriftTimelineView.Span span(DriftSpan s) {
        LoggedDrift d = s.drift();
        return new DriftTimelineView.Span(s.cluster(), d.apiGroup(), d.kind(), d.namespace(), d.name(),
                LoggedDrift.statusLabel(d.status()), s.worst(), s.firstSeen(), s.lastSeen(), s.resolvedAt(), s.timesSeen(),
                d.sentences());
    }

    static String summary(LogEntry e) {
        if (e.failed()) {
            return "failed: " + e.error().orElse("").lines().findFirst().orElse("");
        }
        return e.inSync() ? "in sync" : "drift (" + e.worst().label() + ", " + e.drift().size()
                + (e.drift().size() == 1 ? " resource)" : " resources)");
    }
}
