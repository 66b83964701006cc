package io.calicogitops.evidence;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calicogitops.driftlog.AuditGap;
import io.calicogitops.driftlog.DriftLog;
import io.calicogitops.driftlog.DriftLogTimeline;
import io.calicogitops.driftlog.DriftTimeline;
import io.calicogitops.driftlog.LogEntry;
import io.calicogitops.driftlog.LogJsonReport;
import io.calicogitops.driftlog.LogProblem;
import io.calicogitops.driftlog.VerifyResult;
import io.calicogitops.git.GitRepo;
import io.calicogitops.history.History;
import io.calicogitops.history.HistoryReport;
import io.calicogitops.history.HistoryRequest;
import io.calicogitops.history.HistorySummary;
import io.calicogitops.history.Interval;
import io.calicogitops.output.OutputFormat;
import io.calicogitops.report.HistoryCsvReporter;
import io.calicogitops.report.HistoryReporters;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The sources of this build: {@code calico-gitops history} over the interval, from the end commit, with the drift
 * log's audits, drift spans and gaps (at the default expected interval, as the drift timeline below) as its drift
 * timeline; and the drift log itself, as its timeline (drift spans, gaps, failed audits)
 * and the result of verifying its hash chain, with the branch tip that anchors it.
 */
final class BuildSources implements EvidenceSources {

    static final String VERIFY_SCHEMA = "calico-gitops/evidence-drift-log-verify/v1";

    @Override
    public SourceFiles history(EvidenceScope scope) {
        HistoryReport report = new History(new DriftLogTimeline(DriftTimeline.DEFAULT_INTERVAL)).walk(new HistoryRequest(scope.repo(), scope.endCommit(),
                Optional.of(scope.cluster()), new Interval(Optional.of(scope.since()), Optional.of(scope.until()))));
        SortedMap<String, byte[]> files = new TreeMap<>();
        files.put(BundleLayout.HISTORY, render(report, OutputFormat.JSON));
        files.put(BundleLayout.HISTORY_SUMMARY, render(report, OutputFormat.CSV));
        files.put(BundleLayout.HISTORY_EVENTS, events(report));
        HistorySummary s = report.summary();
        String summary = "change history: " + s.numCommits() + (s.numCommits() == 1 ? " commit, " : " commits, ")
                + s.numCreatedPolicies() + " policies created, " + s.numModifiedPolicies() + " modified, "
                + s.numDeletedPolicies() + " deleted";
        Optional<String> caveat = report.warnings().isEmpty() ? Optional.empty()
                : Optional.of(report.warnings().size() + " file versions could not be read as resources (see history.json).");
        return new SourceFiles(true, summary, caveat, files);
    }

    @Override
    public SourceFiles driftLog(EvidenceScope scope) {
        List<LogEntry> all;
        VerifyResult verify;
        try (GitRepo git = GitRepo.open(scope.repo())) {
            DriftLog log = new DriftLog();
            all = log.read(git, scope.cluster(), Optional.empty(), Optional.of(scope.until()));
            verify = log.verify(git, Optional.of(scope.cluster()));
        }
        // Earlier entries feed the timeline (a drift older than the interval keeps its first-seen), as 'log show' does.
        DriftTimeline timeline = DriftTimeline.from(all, scope.since(), scope.until(), DriftTimeline.DEFAULT_INTERVAL);
        List<LogEntry> inInterval = all.stream().filter(e -> !e.time().isBefore(scope.since())).toList();
        SortedMap<String, byte[]> files = new TreeMap<>();
        files.put(BundleLayout.DRIFT_TIMELINE, JsonText.bytes(LogJsonReport.toJson(scope.cluster(), inInterval, timeline)));
        files.put(BundleLayout.DRIFT_LOG_VERIFY, JsonText.bytes(verifyJson(scope.cluster(), verify)));
        long audits = inInterval.stream().filter(e -> !e.failed()).count();
        String summary = "drift log: " + audits + (audits == 1 ? " audit" : " audits") + " recorded in the interval, "
                + timeline.drift().size() + " drift spans, " + timeline.gaps().size() + " gaps; hash chain "
                + (verify.valid() ? "intact" : "BROKEN");
        List<String> caveats = new ArrayList<>();
        if (!verify.valid()) {
            caveats.add("The drift log fails verification: " + verify.problems().size() + " problems (see "
                    + BundleLayout.DRIFT_LOG_VERIFY + ").");
        }
        if (audits == 0) {
            caveats.add("No audit was recorded in the interval (record them with `calico-gitops audit --record`).");
        } else if (!timeline.gaps().isEmpty()) {
            AuditGap longest = timeline.gaps().stream().max(Comparator.comparing(AuditGap::duration)).orElseThrow();
            caveats.add(timeline.gaps().size() + " gaps without a successful audit for more than "
                    + days(timeline.expectedInterval()) + " (longest " + days(longest.duration()) + ").");
        }
        return new SourceFiles(true, summary, caveats.isEmpty() ? Optional.empty() : Optional.of(String.join(" ", caveats)), files);
    }

    private static ObjectNode verifyJson(String cluster, VerifyResult r) {
        ObjectNode root = JsonText.object();
        root.put("schemaVersion", VERIFY_SCHEMA);
        root.put("cluster", cluster);
        root.put("branch", DriftLog.BRANCH);
        root.put("tip", r.tip().orElse(null));
        root.put("commits", r.commits());
        root.put("entries", r.entries().getOrDefault(cluster, 0L));
        root.put("valid", r.valid());
        ArrayNode problems = root.putArray("problems");
        for (LogProblem p : r.problems()) {
            problems.addObject().put("where", p.where()).put("kind", p.kind().name()).put("message", p.message());
        }
        return root;
    }

    private static byte[] render(HistoryReport report, OutputFormat format) {
        return HistoryReporters.REPORTER.render(report, format).getBytes(StandardCharsets.UTF_8);
    }

    /** {@code events.json}, which the CSV reporter writes only as a file next to {@code summary.csv}. */
    private static byte[] events(HistoryReport report) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("calico-gitops-evidence");
            new HistoryCsvReporter().writeFiles(report, dir);
            return Files.readAllBytes(dir.resolve(HistoryCsvReporter.EVENTS_FILE));
        } catch (IOException e) {
            throw new UncheckedIOException("write history events", e);
        } finally {
            delete(dir);
        }
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // A temporary folder left behind is harmless; the export itself succeeded.
        }
    }

    private static String days(Duration d) {
        long h = d.toHours();
        return h % 24 == 0 ? h / 24 + (h == 24 ? " day" : " days") : h + " hours";
    }
}
