package io.calicogitops.watch;

import io.calicogitops.audit.AuditReport;
import io.calicogitops.audit.AuditRequest;
import io.calicogitops.audit.Auditor;
import io.calicogitops.audit.LiveReader;
import io.calicogitops.audit.ignore.IgnoreRules;
import io.calicogitops.diag.CalicoGitOpsException;
import io.calicogitops.diag.ExitCodes;
import io.calicogitops.driftlog.DriftLogPush;
import io.calicogitops.driftlog.DriftState;
import io.calicogitops.notify.Notifier;
import io.calicogitops.notify.WebhookSender;
import io.calicogitops.notify.WebhookTarget;
import io.calicogitops.progress.Progress;
import io.calicogitops.validate.CalicoTarget;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One audit or a watch of them, with what {@code audit} adds around each: the report written, the result (or the
 * failure) appended to the drift log, and the notification the change since the last recorded state calls for. The
 * snapshot logged and sent is the one the report carries: the live state is read once per audit.
 */
public final class AuditSession {

    /**
     * One audit: what to compare, and how to record it ({@code recording} empty: not at all). Built afresh for each
     * run of a watch, so that a file the request names (ignore rules, a key) is read again and a bad one fails that run.
     * {@code live} opens the reader inside the audit, so that a source that cannot be opened (no kubeconfig) is a
     * failed audit, recorded as such; {@code today}: the date ignore rules expire against (null: today in UTC).
     */
    public record Request(String ref, Supplier<LiveReader> live, String liveSource, IgnoreRules ignore, LocalDate today,
                          Optional<CalicoTarget> target, Optional<Recording> recording, Progress progress) {
    }

    /**
     * Recording in the drift log: {@code push} records on that remote's log (then locally) instead of only locally;
     * {@code signKey} signs each entry.
     */
    public record Recording(Optional<DriftLogPush> push, Optional<PrivateKey> signKey) {
    }

    /** How one audit ended: its exit code (0 in sync, 1 drift) and its report. */
    public record Result(int exitCode, AuditReport report) {
    }

    /** Builds the next audit's request; throws what makes this run fail (a bad option, an unreadable file). */
    @FunctionalInterface
    public interface Requests {
        Request next();
    }

    /** Writes the report where it goes (stdout or a file), before it is recorded. */
    @FunctionalInterface
    public interface Output {
        void write(AuditReport report) throws IOException;
    }

    private final Path repo;
    private final String cluster;
    private final Optional<Instant> now;
    private final PrintWriter err;
    private final Notifier notifier;

    /**
     * {@code now}: the time recorded and notified (empty: the clock at each audit); {@code notify}: where drift news
     * is posted (empty: nowhere).
     */
    public AuditSession(Path repo, String cluster, Optional<Instant> now, Optional<WebhookTarget> notify, PrintWriter err) {
        this.repo = repo;
        this.cluster = cluster;
        this.now = now;
        this.err = err;
        this.notifier = notify.map(t -> new Notifier(t, new WebhookSender(), err)).orElse(null);
    }

    /** One audit; a failed one is recorded and notified if asked, then rethrown (its exit code stands). */
    public Result once(Requests requests, Output output) throws IOException {
        if (notifier == null) {
            return audit(requests, output, new AuditReport[1]);
        }
        notifier.loadPrevious(repo, cluster);
        AuditReport[] made = new AuditReport[1];
        try {
            Result result = audit(requests, output, made);
            notifier.after(cluster, DriftState.of(result.report(), result.report().live()), time());
            return result;
        } catch (CalicoGitOpsException e) {
            // A report that was made but not recorded is still news about the cluster; otherwise the audit failed.
            DriftState state = made[0] != null ? DriftState.of(made[0], made[0].live())
                    : DriftState.failed(firstLine(e), Optional.empty());
            notifier.after(cluster, state, time());
            throw e;
        }
    }

    /**
     * Audits until {@code loop} is stopped or has run {@code maxRuns} audits (0: no limit). Stopped: a clean end,
     * exit 0; run out of audits: the last audit's exit code.
     */
    public int watch(AuditLoop loop, int maxRuns, Requests requests, Output output) {
        return watch(loop, maxRuns, requests, output, Optional.empty());
    }

    /** As {@link #watch(AuditLoop, int, Requests, Output)}, each audit's outcome and duration kept in {@code metrics}. */
    public int watch(AuditLoop loop, int maxRuns, Requests requests, Output output, Optional<WatchMetrics> metrics) {
        AuditLoop.Result result = loop.run(() -> {
            long start = System.nanoTime();
            try {
                Result r = once(requests, output);
                metrics.ifPresent(m -> m.succeeded(r.report(), time(), Duration.ofNanos(System.nanoTime() - start)));
                return r.exitCode();
            } catch (Exception e) {
                metrics.ifPresent(m -> m.failed(Duration.ofNanos(System.nanoTime() - start)));
                throw e;
            }
        }, maxRuns);
        return result.stopped() ? ExitCodes.OK : result.lastExitCode();
    }

    private Result audit(Requests requests, Output output, AuditReport[] made) throws IOException {
        Request request = requests.next();
        Optional<AuditRecorder> recorder = request.recording()
                .map(r -> new AuditRecorder(repo, cluster, request.ref(), request.liveSource(), time(), err, r));
        AuditReport report;
        try {
            report = new Auditor().audit(new AuditRequest(repo, cluster, request.ref(), request.live().get(), request.ignore(),
                    request.today(), request.target()), request.progress());
        } catch (CalicoGitOpsException e) {
            recorder.ifPresent(r -> r.failed(e));
            throw e;
        }
        made[0] = report;
        output.write(report);
        if (recorder.isPresent()) {
            recorder.get().recorded(report);
        }
        return new Result(report.inSync() ? ExitCodes.OK : ExitCodes.FINDINGS, report);
    }

    private Instant time() {
        return now.orElseGet(Instant::now);
    }

    private static String firstLine(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
    }
}
