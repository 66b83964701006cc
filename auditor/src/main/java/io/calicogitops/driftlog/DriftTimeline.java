package io.calicogitops.driftlog;

import io.calicogitops.audit.DriftSeverity;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The drift log read as a story over a window [{@code since}, {@code until}]: each drift's span (first seen, last
 * seen, resolved, how long), the gaps where no audit succeeded for longer than {@code expectedInterval}, and the
 * failed audits. Entries before {@code since} count as history (a drift seen before the window and still there is
 * first seen when it really was), entries after {@code until} are ignored. Entries are taken in time order (then seq);
 * several clusters may be mixed, each is followed on its own. Only a successful audit resolves a drift: a failed one
 * knows nothing.
 */
public record DriftTimeline(Instant since, Instant until, Duration expectedInterval, List<DriftSpan> drift,
                            List<AuditGap> gaps, List<LogEntry> failures) {

    /** The interval audits are expected at unless told otherwise: daily, PCI DSS's review rhythm. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofDays(1);

    public DriftTimeline {
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(until, "until");
        Objects.requireNonNull(expectedInterval, "expectedInterval");
        drift = List.copyOf(drift);
        gaps = List.copyOf(gaps);
        failures = List.copyOf(failures);
    }

    public static DriftTimeline from(List<LogEntry> entries, Instant since, Instant until, Duration expectedInterval) {
        if (until.isBefore(since)) {
            throw new IllegalArgumentException("until " + until + " is before since " + since);
        }
        Map<String, List<LogEntry>> byCluster = new TreeMap<>();
        entries.stream().filter(e -> !e.time().isAfter(until))
                .sorted(Comparator.comparing(LogEntry::time).thenComparingLong(LogEntry::seq))
                .forEach(e -> byCluster.computeIfAbsent(e.cluster(), c -> new ArrayList<>()).add(e));
        List<DriftSpan> spans = new ArrayList<>();
        List<AuditGap> gaps = new ArrayList<>();
        List<LogEntry> failures = new ArrayList<>();
        byCluster.forEach((cluster, list) -> {
            spans(cluster, list).stream()
                    .filter(s -> !s.firstSeen().isAfter(until) && s.resolvedAt().map(r -> !r.isBefore(since)).orElse(true))
                    .forEach(spans::add);
            gaps.addAll(gaps(cluster, list, since, until, expectedInterval));
            list.stream().filter(e -> e.failed() && !e.time().isBefore(since)).forEach(failures::add);
        });
        return new DriftTimeline(since, until, expectedInterval, spans, gaps, failures);
    }

    private static List<DriftSpan> spans(String cluster, List<LogEntry> entries) {
        List<DriftSpan> done = new ArrayList<>();
        Map<String, DriftSpan> open = new LinkedHashMap<>();
        for (LogEntry e : entries) {
            if (e.failed()) {
                continue;
            }
            Set<String> seen = new HashSet<>();
            for (LoggedDrift d : e.drift()) {
                if (!seen.add(d.fingerprint())) {
                    continue;
                }
                DriftSpan s = open.get(d.fingerprint());
                open.put(d.fingerprint(), s == null
                        ? new DriftSpan(cluster, d, d.severity(), e.time(), e.time(), Optional.empty(), 1)
                        : new DriftSpan(cluster, d, s.worst().max(d.severity()), s.firstSeen(), e.time(), Optional.empty(),
                        s.timesSeen() + 1));
            }
            for (var it = open.entrySet().iterator(); it.hasNext(); ) {
                DriftSpan s = it.next().getValue();
                if (!seen.contains(s.drift().fingerprint())) {
                    done.add(new DriftSpan(cluster, s.drift(), s.worst(), s.firstSeen(), s.lastSeen(), Optional.of(e.time()),
                            s.timesSeen()));
                    it.remove();
                }
            }
        }
        done.addAll(open.values());
        done.sort(Comparator.comparing(DriftSpan::firstSeen)
                .thenComparing((DriftSpan s) -> DriftSeverity.CRITICAL.ordinal() - s.worst().ordinal())
                .thenComparing(s -> s.drift().display()));
        return done;
    }

    private static List<AuditGap> gaps(String cluster, List<LogEntry> entries, Instant since, Instant until, Duration interval) {
        List<AuditGap> out = new ArrayList<>();
        Instant from = since;
        for (LogEntry e : entries) {
            if (e.failed() || e.time().isBefore(since)) {
                continue;
            }
            gap(cluster, entries, from, e.time(), interval).ifPresent(out::add);
            from = e.time();
        }
        gap(cluster, entries, from, until, interval).ifPresent(out::add);
        return out;
    }

    private static Optional<AuditGap> gap(String cluster, List<LogEntry> entries, Instant from, Instant to, Duration interval) {
        if (Duration.between(from, to).compareTo(interval) <= 0) {
            return Optional.empty();
        }
        List<LogEntry> failed = entries.stream()
                .filter(e -> e.failed() && !e.time().isBefore(from) && !e.time().isAfter(to)).toList();
        return Optional.of(new AuditGap(cluster, from, to, failed));
    }
}
