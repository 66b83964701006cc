package io.calicogitops.audit.live;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Runs an idempotent GET up to {@code attempts} times, waiting {@code backoff}, then twice as long, between tries,
 * and only for failures another try can fix (429, 5xx, timeouts, I/O). When the server says how long to wait (429's
 * {@code Retry-After}, as {@code details.retryAfterSeconds}), that wait is used instead, up to {@value #MAX_RETRY_AFTER_SECONDS} s
 * (longer asks fail at once: the audit is better re-run later than hung). A request that needed a retry is recorded
 * in {@link #notes()}: a retry never turns a failure into a silent success. Not thread-safe: one per read.
 */
final class RequestRetry {

    /** The longest {@code Retry-After} honoured; reads are idempotent, but a CronJob must not hang. */
    static final long MAX_RETRY_AFTER_SECONDS = 30;

    private final int attempts;
    private final Duration backoff;
    private final AccessFailures failures;
    private final List<String> notes = new ArrayList<>();

    RequestRetry(int attempts, Duration backoff, AccessFailures failures) {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be >= 1");
        }
        this.attempts = attempts;
        this.backoff = backoff;
        this.failures = failures;
    }

    /** The result of {@code request}, or a {@code ClusterAccessException} naming {@code operation}. */
    <T> T get(String operation, KindKey kind, Supplier<T> request) {
        long wait = backoff.toMillis();
        String lastFailure = null;
        for (int attempt = 1; ; attempt++) {
            try {
                T result = request.get();
                if (lastFailure != null) {
                    notes.add(operation + " succeeded on attempt " + attempt + " of " + attempts
                            + " (earlier attempt: " + lastFailure + ")");
                }
                return result;
            } catch (RuntimeException e) {
                long asked = AccessFailures.retryAfterSeconds(e);
                if (attempt >= attempts || !AccessFailures.isTransient(e) || asked > MAX_RETRY_AFTER_SECONDS) {
                    throw failures.failure(operation, kind, e, attempt);
                }
                lastFailure = failures.describe(e) + (asked > 0 ? "; waited " + asked + " s as the server asked" : "");
                sleep(asked > 0 ? asked * 1000 : wait, operation, kind, e);
                wait *= 2;
            }
        }
    }

    /** What happened on the way: one sentence per retried request. */
    List<String> notes() {
        return List.copyOf(notes);
    }

    private void sleep(long millis, String operation, KindKey kind, RuntimeException cause) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            throw failures.failure(operation, kind, cause, attempts);
        }
    }
}
