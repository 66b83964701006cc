package io.calicogitops.history;

import io.calicogitops.audit.DriftSeverity;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The drift timeline history shows next to the commits: the recorded audits (oldest first), each drift's span (first
 * seen, last seen, resolved or still there, how long, how many audits saw it) and the gaps longer than
 * {@code expectedInterval} in which no audit succeeded. Empty when there is no drift log.
 */
public record DriftTimelineView(List<DriftTimelineEntry> audits, List<Span> spans, List<Gap> gaps,
                                Optional<Duration> expectedInterval) {

    public DriftTimelineView {
        audits = List.copyOf(audits);
        spans = List.copyOf(spans);
        gaps = List.copyOf(gaps);
        expectedInterval = expectedInterval == null ? Optional.empty() : expectedInterval;
    }

    /** No drift log: nothing recorded, no spans, no gaps. */
    public static DriftTimelineView empty() {
        return new DriftTimelineView(List.of(), List.of(), List.of(), Optional.empty());
    }

    /** The recorded audits only (a source that knows nothing of spans or gaps). */
    public static DriftTimelineView ofAudits(List<DriftTimelineEntry> audits) {
        return new DriftTimelineView(audits, List.of(), List.of(), Optional.empty());
    }

    public boolean isEmpty() {
        return audits.isEmpty() && spans.isEmpty() && gaps.isEmpty();
    }

    /**
     * One stretch of one drift of one resource: {@code status} as the drift log writes it ({@code modified},
     * {@code missing}, {@code unmanaged}), the worst severity it had, first and last seen, the first successful audit
     * that no longer saw it (empty while it lasts), how many audits saw it and its sentences as last recorded.
     */
    public record Span(String cluster, String apiGroup, String kind, String namespace, String name, String status,
                       DriftSeverity severity, Instant firstSeen, Instant lastSeen, Optional<Instant> resolvedAt,
                       int timesSeen, List<String> sentences) {

        public Span {
            Objects.requireNonNull(cluster, "cluster");
            apiGroup = apiGroup == null ? "" : apiGroup;
            Objects.requireNonNull(kind, "kind");
            namespace = namespace == null ? "" : namespace;
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(severity, "severity");
            Objects.requireNonNull(firstSeen, "firstSeen");
            Objects.requireNonNull(lastSeen, "lastSeen");
            resolvedAt = resolvedAt == null ? Optional.empty() : resolvedAt;
            sentences = List.copyOf(sentences);
        }

        public boolean ongoing() {
            return resolvedAt.isEmpty();
        }

        /** From first seen to resolved; while ongoing, to last seen (how long it is known to have lasted). */
        public Duration duration() {
            return Duration.between(firstSeen, resolvedAt.orElse(lastSeen));
        }

        /** {@code Kind namespace/name} or {@code Kind name}. */
        public String resource() {
            return kind + " " + (namespace.isEmpty() ? name : namespace + "/" + name);
        }
    }

    /** A stretch longer than the expected interval without a successful audit, and how many audits failed in it. */
    public record Gap(String cluster, Instant from, Instant to, int failedAudits) {

        public Gap {
            Objects.requireNonNull(cluster, "cluster");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
        }

        public Duration duration() {
            return Duration.between(from, to);
        }
    }

    /** {@code 2d 3h}, {@code 45m}, {@code 10s}: the two largest units, as {@code log show} writes durations. */
    public static String human(Duration d) {
        long s = d.toSeconds();
        long days = s / 86_400;
        long hours = s % 86_400 / 3_600;
        long minutes = s % 3_600 / 60;
        if (days > 0) {
            return days + "d" + (hours > 0 ? " " + hours + "h" : "");
        }
        if (hours > 0) {
            return hours + "h" + (minutes > 0 ? " " + minutes + "m" : "");
        }
        return minutes > 0 ? minutes + "m" : s % 60 + "s";
    }
}
