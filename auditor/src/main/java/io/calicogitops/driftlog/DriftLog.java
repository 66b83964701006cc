package io.calicogitops.driftlog;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calicogitops.audit.AuditReport;
import io.calicogitops.audit.DriftSeverity;
import io.calicogitops.audit.LiveSnapshot;
import io.calicogitops.diag.GitAccessException;
import io.calicogitops.diag.UsageException;
import io.calicogitops.git.GitRepo;
import io.calicogitops.signing.SigningKeys;
import io.calicogitops.validate.Names;

import java.security.PrivateKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The drift log: an append-only, hash-chained record of every audit (PCI DSS 10.5.1 asks for a year of audit
 * records), kept in the GitOps repository itself on the orphan branch {@value #BRANCH}, so that recording never
 * touches the branch Argo CD or Flux sync, nor the checkout, its index or work tree (bare repositories work too).
 *
 * <p><b>Layout.</b> Each append is one commit that adds one file {@code log/<cluster>/<seq, 9 digits>.json}
 * ({@link LogEntry}); the tree of every commit holds all entries so far; a commit never changes or removes a file.
 *
 * <p><b>One chain per cluster.</b> Each cluster's entries are numbered 1, 2, 3... and each links to the previous one
 * by hash. Clusters are audited independently (one CronJob each), and compliance scope is usually one cluster: a
 * per-cluster chain lets {@code log verify --cluster} and an evidence export check one cluster's record on its own, and
 * gaps read as "entry 17 of eks-prod is missing" rather than as a hole in a fleet-wide counter. Entries of different
 * clusters still share one linear Git history, whose commit ids chain everything; {@link #verify} checks that history
 * too (linear, append-only, never rewritten according to the reflog).
 *
 * <p><b>Concurrency.</b> An append reads the branch tip, builds the entry from the cluster's last entry there, writes
 * a commit on top of that tip and moves the branch by compare-and-swap; when another recorder (thread or process) got
 * there first it re-reads and retries with a random pause, so no entry is lost and seq numbers have no gaps. A lost
 * race leaves an unreferenced commit that {@code git gc} removes.
 *
 * <p><b>Limits, and what closes them.</b> The chain proves order and integrity of what is there, not that nothing was
 * cut off at the end or that a whole history was re-forged by someone with push access: the reflog shows that only in
 * the repository where it happened, and not after {@code git reflog expire} or in a bare remote. A recorder key closes
 * the re-forge (every entry carries an Ed25519 signature the forger cannot make; see {@link #signingWith}), and a
 * signed {@link LogCheckpoint} kept elsewhere, or a minimum entry count, closes the cut-off end; the same two tools
 * Certificate Transparency logs rely on (signed entries and signed tree heads). Entry times come from the recorder's
 * clock, so two concurrent recorders may write entries whose times are not in seq order.
 */
public final class DriftLog {

    /** The branch that holds the log. */
    public static final String BRANCH = "refs/heads/calico-gitops/audit-log";

    /** Consecutive lost races with an unmoved tip after which the ref's lock is taken to be stale. */
    private static final int STUCK_LIMIT = 40;

    private final int attempts;
    private final Optional<PrivateKey> signKey;

    /**
     * A drift log whose appends retry while other recorders are winning (up to 1000 attempts), and give up after a
     * few seconds when the branch stays locked without moving.
     */
    public DriftLog() {
        this(1000, Optional.empty());
    }

    private DriftLog(int attempts, Optional<PrivateKey> signKey) {
        this.attempts = attempts;
        this.signKey = signKey;
    }

    /** This log, signing every entry it appends with {@code key} (Ed25519). */
    public DriftLog signingWith(PrivateKey key) {
        return new DriftLog(attempts, Optional.of(key));
    }

    /**
     * Records a finished audit. {@code live} is the snapshot the audit compared (its digest goes in the entry);
     * {@code now} is truncated to the second.
     *
     * @throws GitAccessException when the branch cannot be read or written, or another recorder kept winning
     */
    public LogEntry append(GitRepo repo, AuditReport report, LiveSnapshot live, Instant now) {
        return append(repo, report.cluster(), LogEntryJson.body(report, live, now), now);
    }

    /** Records an audit that failed, so that the gap it leaves is explained. */
    public LogEntry appendFailure(GitRepo repo, AuditFailure failure, Instant now) {
        return append(repo, failure.cluster(), LogEntryJson.body(failure, now), now);
    }

    /**
     * The entries of one cluster at the branch tip whose time is within [{@code since}, {@code until}], in seq
     * order; empty when nothing was recorded. Reads one file at a time; does not verify (see {@link #verify}).
     *
     * @throws GitAccessException when an entry cannot be read (run {@code log verify} to see why)
     */
    public List<LogEntry> read(GitRepo repo, String cluster, Optional<Instant> since, Optional<Instant> until) {
        checkCluster(cluster);
        Optional<String> tip = repo.tip(BRANCH);
        if (tip.isEmpty()) {
            return List.of();
        }
        List<LogEntry> out = new ArrayList<>();
        repo.forEachFile(tip.get(), LogPaths.folder(cluster), (path, bytes) -> {
            LogEntry e;
            try {
                e = LogEntryJson.fromJson(LogEntryJson.parse(bytes));
            } catch (IllegalArgumentException ex) {
                throw new GitAccessException(path + " on " + BRANCH + ": not a drift-log entry: " + ex.getMessage()
                        + "\n    hint: run 'calico-gitops log verify' to check the whole log");
            }
            if (since.map(s -> !e.time().isBefore(s)).orElse(true) && until.map(u -> !e.time().isAfter(u)).orElse(true)) {
                out.add(e);
            }
        });
        out.sort(Comparator.comparingLong(LogEntry::seq));
        return out;
    }

    /**
     * The cluster's most recent entry that {@code matching} accepts (e.g. the last successful audit), walking back from
     * the newest one and reading one file at a time; empty when there is none.
     *
     * @throws GitAccessException when an entry on the way cannot be read
     */
    public Optional<LogEntry> latest(GitRepo repo, String cluster, java.util.function.Predicate<LogEntry> matching) {
        checkCluster(cluster);
        Optional<String> tip = repo.tip(BRANCH);
        if (tip.isEmpty()) {
            return Optional.empty();
        }
        List<String> paths = repo.listFiles(tip.get(), LogPaths.folder(cluster)).stream()
                .filter(p -> LogPaths.parse(p).isPresent()).toList();
        for (int i = paths.size() - 1; i >= 0; i--) {
            String path = paths.get(i);
            LogEntry e;
            try {
                e = LogEntryJson.fromJson(LogEntryJson.parse(repo.readFile(tip.get(), path).orElseThrow()));
            } catch (IllegalArgumentException ex) {
                throw new GitAccessException(path + " on " + BRANCH + ": not a drift-log entry: " + ex.getMessage()
                        + "\n    hint: run 'calico-gitops log verify' to check the whole log");
            }
            if (matching.test(e)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    /**
     * Checks the log: every entry's hash, every link to the previous entry, seq numbers without gaps, file names that
     * match their entries, and the branch history (linear, only ever adding files, and containing every tip the
     * reflog remembers). With a cluster, only that cluster's entries are checked (the history checks always run).
     */
    public VerifyResult verify(GitRepo repo, Optional<String> cluster) {
        return verify(repo, VerifyOptions.chainOnly(cluster));
    }

    /**
     * {@link #verify(GitRepo, Optional)} plus what {@code options} asks for: every entry's signature, and the anchors
     * against dropped newest entries (expected count, checkpoints). Works on bare repositories, where Git keeps no
     * reflog: signatures and checkpoints do not depend on one.
     */
    public VerifyResult verify(GitRepo repo, VerifyOptions options) {
        options.cluster().ifPresent(DriftLog::checkCluster);
        ChainVerifier verifier = new ChainVerifier(BRANCH, options);
        Optional<String> tip = repo.tip(BRANCH);
        if (tip.isEmpty()) {
            return verifier.result(tip, 0);
        }
        var history = repo.history(BRANCH);
        verifier.checkHistory(history, repo.reflog(BRANCH), tip.get());
        repo.forEachFile(tip.get(), options.cluster().map(LogPaths::folder).orElse(""), verifier::checkFile);
        return verifier.result(tip, history.size());
    }

    /**
     * A checkpoint of the cluster's newest entry, signed with {@code key}, after verifying the cluster's log: a broken
     * log gets none (signing a checkpoint of it would vouch for the damage). The newest entry must be unsigned (a log
     * recorded before signing was set up) or signed with this key: Ed25519 signatures are deterministic, so signing
     * the entry's bytes again must give its signature.
     *
     * @throws UsageException when the newest entry is signed with another key
     */
    public CheckpointResult checkpoint(GitRepo repo, String cluster, PrivateKey key) {
        VerifyResult verified = verify(repo, Optional.of(cluster));
        if (!verified.valid() || verified.tip().isEmpty()) {
            return new CheckpointResult(verified, Optional.empty());
        }
        Optional<LogEntry> newest = last(repo, verified.tip().get(), cluster);
        if (newest.isPresent() && newest.get().signature().isPresent() && !newest.get().signature().get()
                .equals(SigningKeys.signBase64(key, LogEntryJson.signedBytes(LogEntryJson.toJson(newest.get()))))) {
            throw new UsageException("entry " + newest.get().seq() + " of " + cluster + " is signed with another key than"
                    + " the given one: sign the checkpoint with the key the recorder signs entries with");
        }
        return new CheckpointResult(verified, newest.map(e -> LogCheckpoint.of(e, key)));
    }

    private LogEntry append(GitRepo repo, String cluster, ObjectNode body, Instant now) {
        checkCluster(cluster);
        Optional<String> seen = Optional.empty();
        int stuck = 0;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            Optional<String> tip = repo.tip(BRANCH);
            // Losing to other recorders moves the tip; losing while it stays put means a lock nobody releases.
            stuck = attempt > 1 && tip.equals(seen) ? stuck + 1 : 0;
            seen = tip;
            if (stuck >= STUCK_LIMIT) {
                break;
            }
            Prepared next = prepare(repo, tip, cluster, body, signKey);
            if (repo.appendCommit(BRANCH, tip, next.files(), next.message(), now).isPresent()) {
                return next.entry();
            }
            pause(attempt);
        }
        throw new GitAccessException("could not append to " + BRANCH + ": "
                + (stuck >= STUCK_LIMIT ? "it stayed locked (is a stale " + BRANCH + ".lock file left in the repository?)"
                : "other recorders kept moving it (" + attempts + " attempts)"));
    }

    /**
     * The next entry of {@code cluster} on top of {@code tip}: sealed (and signed with {@code key}, if given), as the
     * file to add, with its commit message.
     */
    static Prepared prepare(GitRepo repo, Optional<String> tip, String cluster, ObjectNode body, Optional<PrivateKey> key) {
        long seq = 1;
        String prev = LogEntryJson.GENESIS;
        if (tip.isPresent()) {
            Optional<LogEntry> last = last(repo, tip.get(), cluster);
            if (last.isPresent()) {
                seq = last.get().seq() + 1;
                prev = last.get().hash();
            }
        }
        ObjectNode sealed = LogEntryJson.seal(body, seq, prev, key);
        LogEntry entry = LogEntryJson.fromJson(sealed);
        SortedMap<String, byte[]> files = new TreeMap<>(Map.of(entry.path(), LogEntryJson.fileBytes(sealed)));
        return new Prepared(entry, files, message(entry));
    }

    /** An entry ready to be committed. */
    record Prepared(LogEntry entry, SortedMap<String, byte[]> files, String message) {
    }

    /** The cluster's last entry at {@code tip}: the highest file name, whose stored hash the next entry links to. */
    private static Optional<LogEntry> last(GitRepo repo, String tip, String cluster) {
        List<String> paths = repo.listFiles(tip, LogPaths.folder(cluster)).stream()
                .filter(p -> LogPaths.parse(p).isPresent()).toList();
        if (paths.isEmpty()) {
            return Optional.empty();
        }
        String path = paths.get(paths.size() - 1);
        try {
            LogEntry e = LogEntryJson.fromJson(LogEntryJson.parse(repo.readFile(tip, path).orElseThrow()));
            if (e.seq() != LogPaths.parse(path).orElseThrow().seq()) {
                throw new IllegalArgumentException("it holds entry " + e.seq());
            }
            return Optional.of(e);
        } catch (IllegalArgumentException ex) {
            // Chaining onto a damaged entry would hide the damage behind a valid-looking link.
            throw new GitAccessException("the drift log is damaged: " + path + " on " + BRANCH + ": " + ex.getMessage()
                    + "; nothing was recorded\n    hint: run 'calico-gitops log verify --cluster " + cluster + "'");
        }
    }

    private static String message(LogEntry e) {
        String verdict;
        if (e.failed()) {
            String error = e.error().orElseThrow().lines().findFirst().orElse("");
            verdict = "failed: " + (error.length() > 200 ? error.substring(0, 200) + "..." : error);
        } else if (e.inSync()) {
            verdict = "in sync";
        } else {
            List<String> counts = new ArrayList<>();
            for (DriftSeverity s : List.of(DriftSeverity.CRITICAL, DriftSeverity.WARNING, DriftSeverity.INFO)) {
                long n = e.drift().stream().filter(d -> d.severity() == s).count();
                if (n > 0) {
                    counts.add(n + " " + s.label());
                }
            }
            verdict = "drift (" + String.join(", ", counts) + ")";
        }
        return "audit " + e.cluster() + " #" + e.seq() + ": " + verdict + "\n\n" + e.path() + "\nhash " + e.hash() + "\n";
    }

    static void pause(int attempt) {
        try {
            // Random, growing pauses: recorders that collided once must not collide again in lockstep.
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, 5L * Math.min(attempt, 20) + 2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GitAccessException("interrupted while appending to " + BRANCH, e);
        }
    }

    static void checkCluster(String cluster) {
        Names.checkLabel(cluster).ifPresent(problem -> {
            throw new UsageException("cluster name '" + cluster + "': " + problem);
        });
    }
}
