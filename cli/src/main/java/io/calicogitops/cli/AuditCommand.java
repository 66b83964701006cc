package io.calicogitops.cli;

import io.calicogitops.audit.AuditReport;
import io.calicogitops.audit.ignore.IgnoreRules;
import io.calicogitops.output.Reporter;
import io.calicogitops.report.AuditReporters;
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
public final class AuditCommand implements Callable<Integer>, FormattedCommand {

    @Spec
    CommandSpec spec;

    @Mixin
    ClusterOptions target;

    @Mixin
    RefOption at;

    /** No source named: the kubeconfig by kubectl's rules ({@code KUBECONFIG}, else {@code ~/.kube/config}). */
    @ArgGroup(exclusive = true, multiplicity = "0..1")
    LiveSourceOptions source;

    @Mixin
    OutputOptions output;

    @Option(names = "--ignore", paramLabel = "FILE", description = "accepted differences: owner, reason and expiry per rule")
    Path ignore;

    @Option(names = "--today", paramLabel = "YYYY-MM-DD", hidden = true, description = "the date ignore rules expire against")
    LocalDate today;

    @Mixin
    CalicoTargetOptions calico;

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
        if (source == null) {
            source = LiveSourceOptions.kubeconfigDefaults();
        }
        AuditSession session = new AuditSession(target.repo, target.cluster, Optional.ofNullable(recording.now), notify.target(), err);
        if (!watch.watch) {
            watch.metricsServer(null);
            return session.once(this::request, this::write).exitCode();
        }
        // Options that cannot fix themselves end a watch at once (exit 2 or 3) instead of failing every run.
        output.format(reporter());
        if (ignore != null) {
            IgnoreRules.load(ignore, Paths.display(ignore));
        }
        recording.signingKey();
        AuditLoop loop = new AuditLoop(watch.interval(), Backoff.forInterval(watch.interval(),
                watch.seed == null ? new java.util.Random() : new java.util.Random(watch.seed)), err);
        WatchMetrics metrics = new WatchMetrics(target.cluster);
        try (StopSignals signals = new StopSignals(loop::requestStop); MetricsServer server = watch.metricsServer(metrics)) {
            return session.watch(loop, watch.maxRuns, this::request, this::write,
                    server == null ? Optional.empty() : Optional.of(metrics));
        }
    }

    /** The next audit, its options checked again (a watch rereads --ignore and --sign-key each run). */
    private AuditSession.Request request() {
        output.format(reporter());
        recording.checkPush();
        calico.target();
        IgnoreRules rules = ignore == null ? IgnoreRules.none() : IgnoreRules.load(ignore, Paths.display(ignore));
        Optional<AuditSession.Recording> how = recording.recording();
        return new AuditSession.Request(at.ref, source::reader, source.describe(), rules, today, calico.target(), how,
                progress.on(spec.commandLine().getErr()));
    }

    @Override
    public Reporter<AuditReport> reporter() {
        return AuditReporters.PLAIN;
    }

    private void write(AuditReport report) throws IOException {
        output.print(spec, reporter(), report, report.inSync() ? "in sync" : "drift");
    }
}
