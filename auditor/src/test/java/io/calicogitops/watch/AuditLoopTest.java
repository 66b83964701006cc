package io.calicogitops.watch;

import io.calicogitops.diag.ClusterAccessException;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The watch loop with an injected sleeper: no test waits for real. */
class AuditLoopTest {

    private static final Duration INTERVAL = Duration.ofMinutes(10);

    private final StringWriter err = new StringWriter();
    private final List<Duration> pauses = new ArrayList<>();

    private AuditLoop loop(Backoff backoff) {
        return new AuditLoop(INTERVAL, backoff, new PrintWriter(err, true), pause -> {
            pauses.add(pause);
            return true;
        });
    }

    private static Backoff noJitter() {
        return new Backoff(Duration.ofSeconds(30), INTERVAL, 0, new Random(1));
    }

    @Test
    void run_healthyAudits_waitTheIntervalBetweenThem() {
        AuditLoop.Result r = loop(noJitter()).run(() -> 0, 3);

        assertEquals(new AuditLoop.Result(3, 0, 0, false), r);
        assertEquals(List.of(INTERVAL, INTERVAL), pauses, "no pause after the last run");
    }

    @Test
    void run_apiErrors_backOffExponentiallyReportAndContinue() {
        int[] calls = {0};
        AuditLoop.Result r = loop(noJitter()).run(() -> {
            calls[0]++;
            if (calls[0] <= 3) {
                throw new ClusterAccessException("list installations.operator.tigera.io/v1 in context 'prod' failed after 3"
                        + " attempts: HTTP 500 Internal Server Error");
            }
            return 1;
        }, 5);

        assertEquals(5, r.runs());
        assertEquals(3, r.failures());
        assertEquals(1, r.lastExitCode(), "the last audit found drift");
        assertEquals(List.of(Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofSeconds(120), INTERVAL), pauses);
        String log = err.toString();
        assertTrue(log.contains("watch: audit 1 failed: list installations.operator.tigera.io/v1 in context 'prod' failed"
                + " after 3 attempts: HTTP 500 Internal Server Error; retrying in 30s\n"), log);
        assertTrue(log.contains("watch: audit 3 failed: list installations") && log.contains("retrying in 2m (3 failures in a row)"), log);
    }

    @Test
    void run_unexpectedException_isReportedAsInternalAndTheLoopGoesOn() {
        int[] calls = {0};
        AuditLoop.Result r = loop(noJitter()).run(() -> {
            if (calls[0]++ == 0) {
                throw new IllegalStateException("boom");
            }
            return 0;
        }, 2);

        assertEquals(new AuditLoop.Result(2, 1, 0, false), r);
        assertTrue(err.toString().contains("watch: audit 1 failed (internal error IllegalStateException): boom"), err.toString());
    }

    @Test
    void run_stopRequestedDuringAnAudit_finishesItAndEndsWithoutAnotherOrAPause() {
        AuditLoop[] self = new AuditLoop[1];
        int[] calls = {0};
        self[0] = loop(noJitter());

        AuditLoop.Result r = self[0].run(() -> {
            calls[0]++;
            if (calls[0] == 2) {
                self[0].requestStop();
            }
            return 0;
        }, 0);

        assertEquals(new AuditLoop.Result(2, 0, 0, true), r);
        assertEquals(List.of(INTERVAL), pauses);
        assertTrue(err.toString().contains("watch: stopped after 2 audits"), err.toString());
    }

    @Test
    void run_stopRequestedWhileWaiting_endsAtOnce() {
        AuditLoop[] self = new AuditLoop[1];
        self[0] = new AuditLoop(INTERVAL, noJitter(), new PrintWriter(err, true), pause -> {
            self[0].requestStop();
            return false;
        });

        AuditLoop.Result r = self[0].run(() -> 0, 0);

        assertEquals(new AuditLoop.Result(1, 0, 0, true), r);
    }

    @Test
    void run_realSleeperWakesUpWhenStopped() throws Exception {
        AuditLoop real = new AuditLoop(Duration.ofHours(1), noJitter(), new PrintWriter(err, true));
        Thread stopper = new Thread(() -> {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            real.requestStop();
        });
        stopper.start();

        AuditLoop.Result r = real.run(() -> 0, 0);
        stopper.join();

        assertEquals(1, r.runs(), "an hour's pause was cut short by the stop");
        assertTrue(r.stopped());
    }

    @Test
    void backoff_isCappedAndJitteredDeterministicallyBySeed() {
        Backoff a = new Backoff(Duration.ofSeconds(10), Duration.ofMinutes(5), 0.2, new Random(42));
        Backoff b = new Backoff(Duration.ofSeconds(10), Duration.ofMinutes(5), 0.2, new Random(42));
        List<Duration> first = new ArrayList<>();
        List<Duration> second = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            first.add(a.delay(i));
            second.add(b.delay(i));
        }
        assertEquals(first, second, "same seed, same pauses");
        for (int i = 0; i < first.size(); i++) {
            long nominal = Math.min(300_000, 10_000L << i);
            long ms = first.get(i).toMillis();
            assertTrue(ms >= nominal * 0.8 - 1 && ms <= Math.min(300_000, nominal * 1.2 + 1), i + ": " + ms);
        }
        assertEquals(Duration.ofMinutes(5), new Backoff(Duration.ofSeconds(10), Duration.ofMinutes(5), 0, new Random(0)).delay(1000));
        assertFalse(first.stream().distinct().count() < 6, "jitter spreads the pauses: " + first);
    }

    @Test
    void backoff_forInterval_startsAtATenthCappedAt30sAndNeverExceedsTheInterval() {
        Backoff tenMinutes = Backoff.forInterval(INTERVAL, new Random(0));
        assertEquals(Duration.ofSeconds(30), tenMinutes.base());
        assertEquals(INTERVAL, tenMinutes.cap());
        Backoff oneMinute = Backoff.forInterval(Duration.ofMinutes(1), new Random(0));
        assertEquals(Duration.ofSeconds(6), oneMinute.base());
        assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ZERO, INTERVAL, 0, new Random(0)));
    }
}
