package io.calicogitops.watch;

import io.calicogitops.audit.AuditReport;
import io.calicogitops.diag.CalicoGitOpsException;
import io.calicogitops.diag.GitAccessException;
import io.calicogitops.driftlog.AuditFailure;
import io.calicogitops.driftlog.DriftLog;
import io.calicogitops.driftlog.DriftLogPush;
import io.calicogitops.driftlog.LogEntry;
import io.calicogitops.git.GitRepo;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * What recording adds around an audit: appends the result (with the digest of the snapshot its report carries) or the
 * failure to the drift log (pushed to a remote's, signed, as {@link AuditSession.Recording} asks), and says so on
 * stderr. A result that cannot be recorded is exit 4.
 */
final class AuditRecorder {

    private final Path repo;
    private final String cluster;
    private final String ref;
    private final String liveSource;
    private final Instant now;
    private final PrintWriter err;
    private final Optional<DriftLogPush> push;
    private final DriftLog log;

    AuditRecorder(Path repo, String cluster, String ref, String liveSource, Instant now, PrintWriter err,
                  AuditSession.Recording recording) {
        Optional<DriftLogPush> push = recording.push();
        var signKey = recording.signKey();
        this.repo = repo;
        this.cluster = cluster;
        this.ref = ref;
        this.liveSource = liveSource;
        this.now = now;
        this.err = err;
        this.push = signKey.isPresent() ? push.map(p -> p.signingWith(signKey.get())) : push;
        this.log = signKey.map(k -> new DriftLog().signingWith(k)).orElseGet(DriftLog::new);
    }

    void recorded(AuditReport report) {
        String verdict = report.inSync() ? "in sync" : "drift";
        try (GitRepo git = GitRepo.open(repo)) {
            say(push.isPresent() ? push.get().append(git, report, report.live(), now)
                    : log.append(git, report, report.live(), now));
        } catch (CalicoGitOpsException e) {
            throw new GitAccessException("the audit finished (" + verdict + ") but was not recorded in the drift log: "
                    + e.getMessage(), e);
        }
    }

    /** Records the failed audit if it can; the caller then rethrows {@code failure} (its exit code stands). */
    void failed(CalicoGitOpsException failure) {
        String error = failure.getMessage() == null ? failure.getClass().getSimpleName()
                : failure.getMessage().lines().findFirst().orElse("");
        try (GitRepo git = GitRepo.open(repo)) {
            Optional<String> commit;
            try {
                commit = git.resolve(ref).map(id -> id.name());
            } catch (CalicoGitOpsException e) {
                commit = Optional.empty();
            }
            AuditFailure entry = new AuditFailure(cluster, ref, commit, liveSource, error);
            say(push.isPresent() ? push.get().appendFailure(git, entry, now) : log.appendFailure(git, entry, now));
        } catch (CalicoGitOpsException e) {
            err.println("error: the failed audit was not recorded in the drift log either: " + e.getMessage());
        }
    }

    private void say(LogEntry e) {
        err.println("recorded: " + e.cluster() + " entry " + e.seq() + " (" + e.verdict() + ") in " + e.path()
                + " on " + DriftLog.BRANCH.substring("refs/heads/".length()) + (e.signature().isPresent() ? ", signed" : "")
                + (push.isPresent() ? ", pushed" : ""));
        err.flush();
    }
}
