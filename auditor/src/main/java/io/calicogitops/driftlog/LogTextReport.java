package io.calicogitops.driftlog;

import io.calicogitops.history.DriftTimelineView;

import java.io.IOException;
import java.io.Writer;
import java.time.Duration;
import java.util.List;

/** {@code log show} for terminals: one line per entry, then the drift spans, the gaps and the failed audits. */
public final class LogTextReport {

    private LogTextReport() {
    }

    public static void write(String cluster, List<LogEntry> entries, DriftTimeline timeline, Writer out) throws IOException {
        StringBuilder b = new StringBuilder();
        b.append("drift log of ").append(cluster).append(": ").append(entries.size())
                .append(entries.size() == 1 ? " entry" : " entries").append(", ").append(timeline.since())
                .append(" to ").append(timeline.until()).append('\n');
        if (!entries.isEmpty()) {
            b.append(String.format("%-6s %-20s %-8s %-12s %-12s %s%n", "SEQ", "TIME", "VERDICT", "DRIFT", "DESIRED", "LIVE"));
            for (LogEntry e : entries) {
                b.append(String.format("%-6d %-20s %-8s %-12s %-12s %s%n", e.seq(), e.time(), e.verdict(),
                        e.failed() ? "-" : e.drift().size() + (e.drift().isEmpty() ? "" : " " + e.worst().label()),
                        e.desiredCommit().map(LogTextReport::abbrev).orElse("-"),
                        e.liveDigest().map(LogTextReport::abbrev).orElse("-")));
            }
        }
        b.append('\n').append("drift: ").append(timeline.drift().isEmpty() ? "none" : timeline.drift().size()).append('\n');
        for (DriftSpan s : timeline.drift()) {
            b.append("  ").append(s.worst().label()).append(' ').append(s.drift().display()).append(' ')
                    .append(LoggedDrift.statusLabel(s.drift().status())).append(": first seen ").append(s.firstSeen())
                    .append(s.ongoing() ? ", still there at " + s.lastSeen() + " (" + human(s.duration()) + " so far)"
                            : ", resolved " + s.resolvedAt().orElseThrow() + " after " + human(s.duration()))
                    .append(", seen by ").append(s.timesSeen()).append(s.timesSeen() == 1 ? " audit" : " audits").append('\n');
            s.drift().sentences().forEach(x -> b.append("      ").append(x).append('\n'));
        }
        b.append("gaps (no successful audit for more than ").append(human(timeline.expectedInterval())).append("): ")
                .append(timeline.gaps().isEmpty() ? "none" : timeline.gaps().size()).append('\n');
        for (AuditGap g : timeline.gaps()) {
            b.append("  ").append(g.from()).append(" -> ").append(g.to()).append(" (").append(human(g.duration())).append(')');
            if (!g.failedAudits().isEmpty()) {
                b.append(", failed audits: ").append(String.join(", ", g.failedAudits().stream().map(e -> "#" + e.seq()).toList()));
            }
            b.append('\n');
        }
        b.append("failed audits: ").append(timeline.failures().isEmpty() ? "none" : timeline.failures().size()).append('\n');
        for (LogEntry e : timeline.failures()) {
            b.append("  #").append(e.seq()).append(' ').append(e.time()).append(": ")
                    .append(e.error().orElse("").lines().findFirst().orElse("")).append('\n');
        }
        out.write(b.toString());
        out.flush();
    }

    private static String abbrev(String id) {
        return id.substring(0, Math.min(12, id.length()));
    }

    /** {@code 2d 3h}, {@code 45m}, {@code 10s}: the two largest units, enough to read a span at a glance. */
    static String human(Duration d) {
        return DriftTimelineView.human(d);
    }
}
