package io.calicogitops.driftlog;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calicogitops.audit.AuditReport;
import io.calicogitops.audit.LiveSnapshot;
import io.calicogitops.diag.GitAccessException;
import io.calicogitops.git.GitCredentials;
import io.calicogitops.git.GitRepo;
import io.calicogitops.git.PushResult;

import java.security.PrivateKey;
import java.time.Instant;
import java.util.Optional;

/**
 * Records an audit straight into a remote's drift log ({@code audit --record --push}), for recorders that run in
 * throw-away clones, one per cluster, all pushing to one repository. Each attempt fetches the remote's log branch,
 * builds this run's entry on its tip (seq and {@code prev} from the remote's latest entry of the cluster), and pushes
 * without forcing; when another recorder pushed first the remote refuses (non-fast-forward) and the entry is rebuilt on
 * the new tip, a bounded number of times. The local branch moves only to a commit the remote has accepted, so it never
 * holds an entry the remote lacks and its reflog never shows a rewrite.
 */
public final class DriftLogPush {

    /** Pushes lost to other recorders before giving up. */
    static final int ATTEMPTS = 30;

    private final String remote;
    private final Optional<GitCredentials> credentials;
    private final Optional<PrivateKey> signKey;

    public DriftLogPush(String remote, Optional<GitCredentials> credentials) {
        this(remote, credentials, Optional.empty());
    }

    private DriftLogPush(String remote, Optional<GitCredentials> credentials, Optional<PrivateKey> signKey) {
        this.remote = remote;
        this.credentials = credentials;
        this.signKey = signKey;
    }

    /** This recorder, signing every entry it appends with {@code key} (Ed25519). */
    public DriftLogPush signingWith(PrivateKey key) {
        return new DriftLogPush(remote, credentials, Optional.of(key));
    }

    /** The remote-tracking ref the remote's log is fetched into. */
    public String trackingRef() {
        return "refs/remotes/" + remote + "/" + DriftLog.BRANCH.substring("refs/heads/".length());
    }

    /** Records a finished audit on the remote (and then locally). */
    public LogEntry append(GitRepo repo, AuditReport report, LiveSnapshot live, Instant now) {
        return append(repo, report.cluster(), LogEntryJson.body(report, live, now), now);
    }

    /** Records a failed audit on the remote (and then locally). */
    public LogEntry appendFailure(GitRepo repo, AuditFailure failure, Instant now) {
        return append(repo, failure.cluster(), LogEntryJson.body(failure, now), now);
    }

    private LogEntry append(GitRepo repo, String cluster, ObjectNode body, Instant now) {
        DriftLog.checkCluster(cluster);
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            Optional<String> remoteTip = repo.fetch(remote, DriftLog.BRANCH, trackingRef(), credentials);
            Optional<String> localTip = repo.tip(DriftLog.BRANCH);
            Optional<String> base = base(repo, localTip, remoteTip);
            DriftLog.Prepared next = DriftLog.prepare(repo, base, cluster, body, signKey);
            String commit = repo.buildAppendCommit(DriftLog.BRANCH, base, next.files(), next.message(), now);
            PushResult pushed = repo.push(remote, commit, DriftLog.BRANCH, credentials);
            if (pushed.accepted()) {
                // Best effort: a local recorder that moved the branch meanwhile catches up at its next fetch.
                repo.advance(DriftLog.BRANCH, localTip, commit, next.message(), now);
                return next.entry();
            }
            DriftLog.pause(attempt);
        }
        throw new GitAccessException("could not push to " + DriftLog.BRANCH + " of " + remote + ": other recorders kept"
                + " pushing first (" + ATTEMPTS + " attempts); nothing was recorded");
    }

    /**
     * The commit to build on: the remote's tip, or the local one when it already holds the remote's (entries recorded
     * here without {@code --push} are then pushed too). Two lines that both have entries the other lacks are refused:
     * re-chaining entries already recorded would rewrite them.
     */
    private Optional<String> base(GitRepo repo, Optional<String> local, Optional<String> remoteTip) {
        if (remoteTip.isEmpty()) {
            return local;
        }
        if (local.isEmpty() || repo.isAncestor(local.get(), remoteTip.get())) {
            return remoteTip;
        }
        if (repo.isAncestor(remoteTip.get(), local.get())) {
            return local;
        }
        String branch = DriftLog.BRANCH.substring("refs/heads/".length());
        throw new GitAccessException("the drift log here and on " + remote + " have diverged: this repository holds"
                + " entries recorded without --push that " + remote + " lacks, and " + remote + " has entries this one lacks;"
                + " nothing was recorded\n    hint: keep the local entries (git branch audit-log-unpushed " + branch
                + "), then record with --push from a fresh clone of " + remote);
    }
}
