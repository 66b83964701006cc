package io.calicogitops.cli;

import io.calicogitops.diag.ExitCodes;
import io.calicogitops.diag.UsageException;
import io.calicogitops.driftlog.DriftLogTimeline;
import io.calicogitops.driftlog.ExpectedInterval;
import io.calicogitops.history.History;
import io.calicogitops.history.HistoryReport;
import io.calicogitops.history.HistoryRequest;
import io.calicogitops.history.Interval;
import io.calicogitops.output.OutputFormat;
import io.calicogitops.output.Reporter;
import io.calicogitops.report.HistoryCsvReporter;
import io.calicogitops.report.HistoryReporters;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code calico-gitops history}: who changed which Calico resource of a cluster when, commit by commit. Exit 0. */
@Command(name = "history", mixinStandardHelpOptions = true,
        description = "Report, commit by commit, the Calico resources created, modified, deleted, promoted or demoted in "
                + "clusters/<name>/ over an interval, with the auditor's change sentences and policy-audit counts; "
                + "with --cluster, the drift log's recorded audits, drift spans and gaps.")
public final class HistoryCommand implements Callable<Integer>, FormattedCommand {

    @Spec
    CommandSpec spec;

    @Option(names = "--repo", required = true, paramLabel = "DIR", description = "the GitOps repository")
    Path repo;

    @Option(names = "--cluster", paramLabel = "NAME", description = "one cluster folder (default: every cluster, grouped)")
    String cluster;

    @Option(names = "--since", paramLabel = "DATE", description = "first day (YYYY-MM-DD, UTC) or instant (ISO-8601), inclusive")
    String since;

    @Option(names = "--until", paramLabel = "DATE", description = "last day (YYYY-MM-DD, UTC, the whole day) or instant, inclusive")
    String until;

    @Option(names = "--ref", paramLabel = "REV", defaultValue = "HEAD", description = "walk back from this commit (default: ${DEFAULT-VALUE})")
    String ref;

    @Option(names = "--expected-interval", paramLabel = "DURATION", defaultValue = "1d",
            description = "how often audits should run; longer stretches of the drift log without a successful one are gaps: "
                    + "1d, 12h, 30m or ISO-8601 (default: ${DEFAULT-VALUE})")
    String expectedInterval;

    /** With {@code -o csv}, {@code --output-file} names a folder for summary.csv, events.json and drift-spans.csv. */
    @Mixin
    OutputOptions output;

    @Mixin
    ProgressOption progress = new ProgressOption();

    @Override
    public Integer call() throws IOException {
        OutputFormat fmt = output.format(reporter());
        Interval interval = Interval.parse(since, until);
        Duration expected = ExpectedInterval.parse(expectedInterval);
        Path folder = output.outputFile;
        boolean csvFiles = fmt == OutputFormat.CSV && folder != null;
        if (csvFiles && Files.exists(folder) && !Files.isDirectory(folder)) {
            throw new UsageException("--output-file: with -o csv, a folder for summary.csv, events.json and drift-spans.csv ("
                    + Paths.display(folder) + " is a file)");
        }
        HistoryReport report = new History(new DriftLogTimeline(expected)).walk(new HistoryRequest(repo, ref, Optional.ofNullable(cluster), interval),
                progress.on(spec.commandLine().getErr()));
        if (csvFiles) {
            for (Path p : new HistoryCsvReporter().writeFiles(report, folder)) {
                spec.commandLine().getErr().println("written: " + Paths.display(p));
            }
            return ExitCodes.OK;
        }
        output.print(spec, reporter(), report, report.commits().size() + " commits");
        if (fmt == OutputFormat.CSV && folder == null) {
            spec.commandLine().getErr().println("note: events.json and drift-spans.csv are written only with --output-file DIR");
        }
        return ExitCodes.OK;
    }

    @Override
    public Reporter<HistoryReport> reporter() {
        return HistoryReporters.REPORTER;
    }
}
