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
import java.util.Arrays;
import java.util.Optional;

/**
 * Records an audit straight into a remote's drift log ({@code audit --record --push}), for recorders that run in
 * throw-away clones, one per cluster, all pushing to one repository. Each attempt fetches the remote's log branch,
 * builds this run's entry on its tip (seq and {@code prev} from the remote's latest entry of the cluster), and pushes
 * without forcing; when another recorder pushed first the remote refuses (non-fast-forward) and the entry is rebuilt on
 * the new tip, a bounded number of times. The local branch moves only to a commit the remote has accepted, so it never
 * holds an entry the remote lacks and its reflog never shows a rewrite.
 *
 * <p><b>A rewritten remote log is refused, never adopted.</b> The remote-tracking ref is what this repository last saw
 * of the remote's log (Git moves it when a push is accepted); the remote's tip is fetched into a separate ref so that a
 * forced update there does not erase that memory. When the fetched tip does not descend from what was seen, someone
 * force-pushed (or deleted) the remote's log: building on it would chain new entries onto a forgery and bury the
 * evidence, so the recorder stops (exit 4), names the entry that went missing, and leaves the local log alone, as Git's
 * {@code push --force-with-lease} treats the tracking ref as the expected state of the remote.
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

    /** The remote-tracking ref: the remote's log as this repository last saw it (moved by accepted pushes). */
    public String trackingRef() {
        return "refs/remotes/" + remote + "/" + DriftLog.BRANCH.substring("refs/heads/".length());
    }

    /** Where the remote's log is fetched to before it is checked: not the tracking ref, which must keep what was seen. */
    String incomingRef() {
        return "refs/calico-gitops/incoming/" + remote + "/" + DriftLog.BRANCH.substring("refs/heads/".length());
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
            Optional<String> seen = repo.tip(trackingRef());
            Optional<String> remoteTip = repo.fetch(remote, DriftLog.BRANCH, incomingRef(), credentials);
            seen.ifPresent(s -> refuseRewritten(repo, s, remoteTip));
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

    /** Throws when the remote's log no longer descends from {@code seen}, the tip this repository last saw there. */
    private void refuseRewritten(GitRepo repo, String seen, Optional<String> remoteTip) {
        if (remoteTip.isPresent() && repo.isAncestor(seen, remoteTip.get())) {
            return;
        }
        String lost = "commit " + seen.substring(0, 12) + " (its entries are still there, but the commits were replaced)";
        for (String path : repo.listFiles(seen, LogPaths.ROOT)) {
            byte[] before = repo.readFile(seen, path).orElseThrow();
            if (remoteTip.flatMap(t -> repo.readFile(t, path)).map(now -> Arrays.equals(now, before)).orElse(false)) {
                continue;
            }
            lost = LogPaths.parse(path).map(p -> "local entry seq " + p.seq() + " of " + p.cluster() + " (" + path + ", hash "
                    + hashOf(before) + ")").orElse(path);
            break;
        }
        String branch = DriftLog.BRANCH.substring("refs/heads/".length());
        throw new GitAccessException("the remote drift log was rewritten: " + branch + " on " + remote
                + (remoteTip.isEmpty() ? " was deleted, so it" : "") + " no longer contains " + lost
                + ", which this repository saw there before; refusing to adopt it; nothing was recorded and the local log"
                + " is untouched\n    hint: run 'calico-gitops log verify' (with --public-key when entries are signed) on a"
                + " fresh clone of " + remote + " and on this repository, and restore " + branch + " on " + remote
                + " from the intact copy");
    }

    private static String hashOf(byte[] entryFile) {
        try {
            String hash = LogEntryJson.fromJson(LogEntryJson.parse(entryFile)).hash();
            return hash.substring(0, Math.min(12, hash.length()));
        } catch (IllegalArgumentException e) {
            return "unreadable";
        }
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
