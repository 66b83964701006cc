package io.calicogitops.cli;

import io.calicogitops.diag.ExitCodes;
import io.calicogitops.diag.UsageException;
import io.calicogitops.driftlog.DriftLog;
import io.calicogitops.driftlog.DriftTimeline;
import io.calicogitops.driftlog.ExpectedInterval;
import io.calicogitops.driftlog.LogEntry;
import io.calicogitops.driftlog.LogView;
import io.calicogitops.git.GitRepo;
import io.calicogitops.model.TimeText;
import io.calicogitops.output.Reporter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code calico-gitops log show}: a cluster's recorded audits and its drift timeline. */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = "List a cluster's recorded audits and the drift timeline: when each drift was first seen, how long it"
                + " lasted, when it was resolved, and gaps without a successful audit.")
public final class LogShowCommand implements Callable<Integer>, FormattedCommand {

    @Spec
    CommandSpec spec;

    @Mixin
    ClusterOptions target;

    @Mixin
    OutputOptions output;

    @Option(names = "--since", paramLabel = "WHEN", description = "start of the window: YYYY-MM-DD or an ISO-8601 instant (default: the first entry)")
    String since;

    @Option(names = "--until", paramLabel = "WHEN", description = "end of the window: YYYY-MM-DD (that day included) or an instant (default: now)")
    String until;

    @Option(names = "--expected-interval", paramLabel = "DURATION", defaultValue = "1d",
            description = "how often audits should run; longer stretches without one are gaps: 1d, 12h, 30m or ISO-8601 (default: ${DEFAULT-VALUE})")
    String interval;

    @Override
    public Integer call() throws IOException {
        output.format(reporter());
        Duration expected = ExpectedInterval.parse(interval);
        Optional<Instant> from = Optional.ofNullable(since).map(s -> TimeText.start("since", s));
        Instant to = until == null ? Instant.now().truncatedTo(ChronoUnit.SECONDS) : TimeText.end("until", until);
        List<LogEntry> all;
        try (GitRepo git = GitRepo.open(target.repo)) {
            all = new DriftLog().read(git, target.cluster, Optional.empty(), Optional.of(to));
        }
        Instant start = from.orElse(all.stream().map(LogEntry::time).min(Instant::compareTo).orElse(to));
        if (to.isBefore(start)) {
            throw new UsageException("--until " + to + " is before the start of the window " + start);
        }
        // Earlier entries feed the timeline (a drift older than the window keeps its first-seen), the list shows the window.
        DriftTimeline timeline = DriftTimeline.from(all, start, to, expected);
        List<LogEntry> shown = all.stream().filter(e -> !e.time().isBefore(start)).toList();
        output.print(spec, reporter(), new LogView(target.cluster, shown, timeline), shown.size() + " entries");
        return ExitCodes.OK;
    }

    @Override
    public Reporter<LogView> reporter() {
        return LogView.REPORTER;
    }
}
