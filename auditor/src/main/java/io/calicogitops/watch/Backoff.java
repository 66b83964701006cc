package io.calicogitops.watch;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * How long to wait after consecutive failed audits: {@code base * 2^(failures-1)}, capped, with up to ±{@code jitter}
 * of random spread so that many auditors failing against one API server at once do not retry in lockstep.
 */
public record Backoff(Duration base, Duration cap, double jitter, RandomGenerator random) {

    public Backoff {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(cap, "cap");
        Objects.requireNonNull(random, "random");
        if (base.isNegative() || base.isZero() || cap.compareTo(base) < 0 || jitter < 0 || jitter >= 1) {
            throw new IllegalArgumentException("backoff needs 0 < base <= cap and 0 <= jitter < 1");
        }
    }

    /**
     * The backoff for a watch with {@code interval}: starts at a tenth of it (at most 30 s, at least 1 ms) and never
     * waits longer than the interval itself, so a failing cluster is retried sooner than a healthy one is re-audited.
     */
    public static Backoff forInterval(Duration interval, RandomGenerator random) {
        Duration base = interval.dividedBy(10);
        if (base.compareTo(Duration.ofSeconds(30)) > 0) {
            base = Duration.ofSeconds(30);
        }
        if (base.compareTo(Duration.ofMillis(1)) < 0) {
            base = Duration.ofMillis(1);
        }
        return new Backoff(base, interval.compareTo(base) < 0 ? base : interval, 0.2, random);
    }

    /** The pause after the {@code failures}-th failure in a row (1 for the first). */
    public Duration delay(int failures) {
        long baseMs = base.toMillis();
        long capMs = cap.toMillis();
        int shift = Math.min(Math.max(failures, 1) - 1, 40);
        long ms = baseMs > (capMs >> shift) ? capMs : Math.min(capMs, baseMs << shift);
        double spread = 1 + jitter * (2 * random.nextDouble() - 1);
        return Duration.ofMillis(Math.max(1, Math.min(capMs, Math.round(ms * spread))));
    }
}
