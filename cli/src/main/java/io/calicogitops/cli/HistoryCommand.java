package io.calicogitops.cli;

import io.calicogitops.driftlog.DriftLogTimeline;
import io.calicogitops.driftlog.ExpectedInterval;
import io.calicogitops.diag.ExitCodes;
import io.calicogitops.diag.UsageException;
import io.calicogitops.history.History;
import io.calicogitops.history.HistoryReport;
import io.calicogitops.history.HistoryRequest;
import io.calicogitops.history.Interval;
import io.calicogitops.report.HistoryCsvReporter;
import io.calicogitops.report.HistoryFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
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
public final class HistoryCommand implements Callable<Integer> {

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

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text, json, markdown, html or csv (default: ${DEFAULT-VALUE})")
    String format;

    @Option(names = "--output", paramLabel = "PATH",
            description = "write the report to this file instead of stdout; with --format csv a folder for summary.csv, events.json and drift-spans.csv")
    Path output;

    @Mixin
    ProgressOption progress = new ProgressOption();

    @Override
    public Integer call() throws IOException {
        HistoryFormat fmt = HistoryFormat.parse(format);
        Interval interval = Interval.parse(since, until);
        Duration expected = ExpectedInterval.parse(expectedInterval);
        if (fmt == HistoryFormat.CSV && output != null && Files.exists(output) && !Files.isDirectory(output)) {
            throw new UsageException("--output: with --format csv, a folder for summary.csv, events.json and drift-spans.csv ("
                    + Paths.display(output) + " is a file)");
        }
        HistoryReport report = new History(new DriftLogTimeline(expected)).walk(new HistoryRequest(repo, ref, Optional.ofNullable(cluster), interval),
                progress.on(spec.commandLine().getErr()));
        if (fmt == HistoryFormat.CSV && output != null) {
            for (Path p : new HistoryCsvReporter().writeFiles(report, output)) {
                spec.commandLine().getErr().println("written: " + Paths.display(p));
            }
            return ExitCodes.OK;
        }
        StringWriter text = new StringWriter();
        fmt.reporter().write(report, text);
        if (output != null) {
            Path parent = output.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Files.writeString(output, text.toString(), StandardCharsets.UTF_8);
            spec.commandLine().getErr().println(report.commits().size() + " commits: report written to " + Paths.display(output));
        } else {
            Writer out = spec.commandLine().getOut();
            out.write(text.toString());
            out.flush();
            if (fmt == HistoryFormat.CSV) {
                spec.commandLine().getErr().println("note: events.json and drift-spans.csv are written only with --output DIR");
            }
        }
        return ExitCodes.OK;
    }
}
