package io.calicogitops.cli;

import io.calicogitops.audit.AuditReport;
import io.calicogitops.audit.ignore.IgnoreRules;
import io.calicogitops.diag.UsageException;
import io.calicogitops.report.ReportFormat;
import io.calicogitops.watch.AuditLoop;
import io.calicogitops.watch.AuditSession;
import io.calicogitops.watch.Backoff;
import io.calicogitops.watch.MetricsServer;
import io.calicogitops.watch.WatchMetrics;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code calico-gitops audit}: is what runs in the cluster exactly what Git says? Exit 0 in sync, 1 drift; with
 * {@code --record} the result (or the failure) is appended to the drift log, and a result that cannot be recorded is exit 4.
 */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "Compare the live Calico resources of a cluster with clusters/<name>/ in Git and report drift by severity.")
public final class AuditCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--repo", required = true, paramLabel = "DIR", description = "the GitOps repository")
    Path repo;

    @Option(names = "--cluster", required = true, paramLabel = "NAME", description = "the cluster folder to compare")
    String cluster;

    @Option(names = "--ref", paramLabel = "REV", defaultValue = "HEAD", description = "commit, branch or tag (default: ${DEFAULT-VALUE})")
    String ref;

    @ArgGroup(exclusive = true, multiplicity = "1")
    LiveSourceOptions source;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text, json, markdown, html or junit (default: ${DEFAULT-VALUE})")
    String format;

    @Option(names = "--output", paramLabel = "FILE", description = "write the report here instead of stdout")
    Path output;

    @Option(names = "--ignore", paramLabel = "FILE", description = "accepted differences: owner, reason and expiry per rule")
    Path ignore;

    @Option(names = "--today", paramLabel = "YYYY-MM-DD", hidden = true, description = "the date ignore rules expire against")
    LocalDate today;

    @Mixin
    CalicoTargetOptions target;

    @Mixin
    RecordOptions recording;

    @Mixin
    WatchOptions watch;

    @Mixin
    NotifyOptions notify;

    @Mixin
    ProgressOption progress = new ProgressOption();

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        AuditSession session = new AuditSession(repo, cluster, Optional.ofNullable(recording.now), notify.target(), err);
        if (!watch.watch) {
            watch.metricsServer(null);
            return session.once(this::request, this::write).exitCode();
        }
        // Options that cannot fix themselves end a watch at once (exit 2 or 3) instead of failing every run.
        format();
        if (ignore != null) {
            IgnoreRules.load(ignore, Paths.display(ignore));
        }
        recording.signingKey();
        AuditLoop loop = new AuditLoop(watch.interval(), Backoff.forInterval(watch.interval(),
                watch.seed == null ? new java.util.Random() : new java.util.Random(watch.seed)), err);
        WatchMetrics metrics = new WatchMetrics(cluster);
        try (StopSignals signals = new StopSignals(loop::requestStop); MetricsServer server = watch.metricsServer(metrics)) {
            return session.watch(loop, watch.maxRuns, this::request, this::write,
                    server == null ? Optional.empty() : Optional.of(metrics));
        }
    }

    /** The next audit, its options checked again (a watch rereads --ignore and --sign-key each run). */
    private AuditSession.Request request() {
        format();
        recording.checkPush();
        target.target();
        IgnoreRules rules = ignore == null ? IgnoreRules.none() : IgnoreRules.load(ignore, Paths.display(ignore));
        Optional<AuditSession.Recording> how = recording.recording();
        return new AuditSession.Request(ref, source::reader, source.describe(), rules, today, target.target(), how,
                progress.on(spec.commandLine().getErr()));
    }

    private ReportFormat format() {
        try {
            return ReportFormat.parse(format);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--format: " + e.getMessage());
        }
    }

    private void write(AuditReport report) throws IOException {
        StringWriter text = new StringWriter();
        format().reporter().write(report, text);
        if (output != null) {
            Files.createDirectories(output.toAbsolutePath().getParent());
            Files.writeString(output, text.toString(), StandardCharsets.UTF_8);
            spec.commandLine().getErr().println((report.inSync() ? "in sync" : "drift") + ": report written to " + Paths.display(output));
        } else {
            Writer out = spec.commandLine().getOut();
            out.write(text.toString());
            out.flush();
        }
    }
}
