package io.calicogitops.cli;

import io.calicogitops.audit.AuditReport;
import io.calicogitops.audit.LiveSnapshot;
import io.calicogitops.audit.Secrets;
import io.calicogitops.audit.LiveReader;
import io.calicogitops.diag.CalicoGitOpsException;
import io.calicogitops.driftlog.DriftState;
import io.calicogitops.notify.Notifier;
import io.calicogitops.notify.WebhookSender;
import io.calicogitops.notify.WebhookTarget;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * What {@code audit --notify-webhook} adds around each audit (one, or each of {@code --watch}): the drift log's last
 * state before it, the report and snapshot it produced, and the notification the difference calls for.
 */
final class AuditRun {

    /** One audit, returning its exit code. */
    @FunctionalInterface
    interface Once {
        int run() throws java.io.IOException;
    }

    private Notifier notifier;
    private AuditReport report;
    private LiveSnapshot snapshot;

    void start(Optional<WebhookTarget> target, PrintWriter err) {
        notifier = target.map(t -> new Notifier(t, new WebhookSender(), err)).orElse(null);
    }

    /** {@code reader}, keeping what it returned (the notification's fingerprints come from it). */
    LiveReader capture(LiveReader reader) {
        return query -> {
            LiveSnapshot read = reader.read(query);
            // The auditor compares the real values; only a masked copy is kept for what is logged or sent.
            snapshot = Secrets.masked(read);
            return read;
        };
    }

    void finished(AuditReport report) {
        this.report = report;
    }

    int once(Path repo, String cluster, Instant now, Once audit) throws java.io.IOException {
        report = null;
        snapshot = null;
        if (notifier == null) {
            return audit.run();
        }
        notifier.loadPrevious(repo, cluster);
        try {
            int code = audit.run();
            notifier.after(cluster, DriftState.of(report, snapshot), now == null ? Instant.now() : now);
            return code;
        } catch (CalicoGitOpsException e) {
            // A report that was made but not recorded is still news about the cluster; otherwise the audit failed.
            DriftState state = report != null && snapshot != null ? DriftState.of(report, snapshot)
                    : DriftState.failed(firstLine(e), Optional.empty());
            notifier.after(cluster, state, now == null ? Instant.now() : now);
            throw e;
        }
    }

    private static String firstLine(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
    }
}
