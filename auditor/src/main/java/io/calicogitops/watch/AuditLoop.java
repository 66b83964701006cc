package io.calicogitops.watch;

import io.calicogitops.diag.CalicoGitOpsException;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code audit --watch}: runs one audit after another in this process, {@code interval} apart. A failed audit (the API
 * server answered 500, the token expired, Git could not be read) is reported and retried after a backoff instead of
 * ending the process; a stop request (SIGTERM) lets the audit in progress finish (so its drift-log entry is complete)
 * and ends the loop before the next one.
 */
public final class AuditLoop {

    /** One audit: returns its exit code (0 in sync, 1 drift) or throws when it failed. */
    @FunctionalInterface
    public interface Audit {
        int run() throws Exception;
    }

    /** How the loop ended: how many audits ran, how many failed, and the exit code of the last one that finished. */
    public record Result(int runs, int failures, int lastExitCode, boolean stopped) {
    }

    private final Duration interval;
    private final Backoff backoff;
    private final PrintWriter err;
    private final CountDownLatch stop = new CountDownLatch(1);
    private final Sleeper sleeper;

    /** A loop that really waits (and wakes up at once when stopped). */
    public AuditLoop(Duration interval, Backoff backoff, PrintWriter err) {
        this(interval, backoff, err, null);
    }

    /** A loop with an injected sleeper ({@code null}: really wait). */
    public AuditLoop(Duration interval, Backoff backoff, PrintWriter err, Sleeper sleeper) {
        this.interval = Objects.requireNonNull(interval, "interval");
        this.backoff = Objects.requireNonNull(backoff, "backoff");
        this.err = Objects.requireNonNull(err, "err");
        this.sleeper = sleeper != null ? sleeper : pause -> !stop.await(pause.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Ends the loop: the running audit finishes, no other starts. Safe from any thread (a signal handler). */
    public void requestStop() {
        stop.countDown();
    }

    public boolean stopRequested() {
        return stop.getCount() == 0;
    }

    /** Runs audits until stopped, or {@code maxRuns} of them (0: no limit). */
    public Result run(Audit audit, int maxRuns) {
        int runs = 0;
        int failures = 0;
        int inARow = 0;
        int last = 0;
        while (!stopRequested() && (maxRuns <= 0 || runs < maxRuns)) {
            runs++;
            Duration pause;
            try {
                last = audit.run();
                inARow = 0;
                pause = interval;
            } catch (Exception e) {
                failures++;
                inARow++;
                pause = backoff.delay(inARow);
                err.println("watch: audit " + runs + " failed" + describe(e) + "; retrying in " + human(pause)
                        + (inARow > 1 ? " (" + inARow + " failures in a row)" : ""));
                err.flush();
                last = e instanceof CalicoGitOpsException c ? c.exitCode() : 70;
            }
            if (stopRequested() || (maxRuns > 0 && runs >= maxRuns)) {
                break;
            }
            try {
                if (!sleeper.sleep(pause)) {
                    break;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        boolean stopped = stopRequested();
        if (stopped) {
            err.println("watch: stopped after " + runs + " audit" + (runs == 1 ? "" : "s"));
            err.flush();
        }
        return new Result(runs, failures, last, stopped);
    }

    private static String describe(Exception e) {
        String m = e.getMessage();
        String first = m == null ? e.getClass().getSimpleName() : m.lines().findFirst().orElse("");
        return e instanceof CalicoGitOpsException ? ": " + first : " (internal error " + e.getClass().getSimpleName() + "): " + first;
    }

    static String human(Duration d) {
        long ms = d.toMillis();
        if (ms < 1000) {
            return ms + "ms";
        }
        long s = d.toSeconds();
        return s < 60 ? s + "s" : s < 3600 ? (s / 60) + "m" + (s % 60 == 0 ? "" : (s % 60) + "s") : (s / 3600) + "h" + (s % 3600 / 60 == 0 ? "" : (s % 3600 / 60) + "m");
    }
}
