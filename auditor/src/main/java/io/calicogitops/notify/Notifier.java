package io.calicogitops.notify;

import io.calicogitops.diag.CalicoGitOpsException;
import io.calicogitops.driftlog.DriftLog;
import io.calicogitops.driftlog.DriftState;
import io.calicogitops.git.GitRepo;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * Tells a webhook when a cluster's drift appears, changes or is resolved, and when its audit failed; stays quiet while
 * nothing changes. "Since the last audit" is the drift log's last entries for the cluster (so a CronJob that starts
 * fresh each time compares with the previous run), or, in one long-running process ({@code audit --watch}), what this
 * notifier saw last. A message that cannot be delivered is reported on stderr and changes no exit code; in one
 * process it is tried again after the next audit.
 */
public final class Notifier {

    private final WebhookTarget target;
    private final WebhookSender sender;
    private final PrintWriter err;
    private Optional<DriftState> last = Optional.empty();
    private Optional<DriftState> lastSuccess = Optional.empty();
    private boolean seen;

    public Notifier(WebhookTarget target, WebhookSender sender, PrintWriter err) {
        this.target = target;
        this.sender = sender;
        this.err = err;
    }

    /**
     * Reads the cluster's last entry and last successful entry from the drift log of {@code repo}, unless this notifier
     * already saw an audit. Call it before the audit appends its own entry.
     */
    public void loadPrevious(Path repo, String cluster) {
        if (seen) {
            return;
        }
        try (GitRepo git = GitRepo.open(repo)) {
            DriftLog log = new DriftLog();
            last = log.latest(git, cluster, e -> true).map(DriftState::of);
            lastSuccess = last.isPresent() && !last.get().failed() ? last
                    : log.latest(git, cluster, e -> !e.failed()).map(DriftState::of);
        } catch (CalicoGitOpsException e) {
            // Without a readable log every drift counts as new: one message too many rather than one too few.
            err.println("notify: the drift log could not be read (" + e.getMessage().lines().findFirst().orElse("")
                    + "); comparing with nothing");
        }
    }

    /** Posts the message {@code current} calls for, if any; returns the event posted (or attempted). */
    public Optional<DriftEvent> after(String cluster, DriftState current, Instant now) {
        Optional<DriftEvent> event = DriftEvent.between(last, lastSuccess, current);
        boolean delivered = true;
        if (event.isPresent()) {
            Notification message = new Notification(event.get(), cluster, now, current, lastSuccess);
            WebhookSender.Delivery d = sender.post(target, message.toJson());
            delivered = d.delivered();
            err.println(delivered ? "notified: " + event.get().label() + " (" + cluster + ")"
                    : "notify: " + event.get().label() + " was not delivered: " + target.redact(d.problem()));
            err.flush();
        }
        seen = true;
        if (delivered) {
            last = Optional.of(current);
            if (!current.failed()) {
                lastSuccess = last;
            }
        }
        return event;
    }
}
