package io.calicogitops.audit.live;

import java.time.Duration;

/**
 * How a cluster read pages, retries and bounds each request: page size of each list, tries per request, the first
 * backoff, the total time one request may take from sending it to the last byte of its body, and the most bytes one
 * response body may have.
 */
record ReadSettings(int pageSize, int attempts, Duration backoff, Duration requestDeadline, long maxResponseBytes) {

    /** The deadline kubectl's {@code --request-timeout} would set for a whole request, answer included. */
    static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(30);
    /**
     * 256 MiB: far above a 500-object page of the largest policies (a few MiB), far below what would exhaust the heap;
     * a server that sends more is broken or hostile.
     */
    static final long DEFAULT_MAX_RESPONSE_BYTES = 256L * 1024 * 1024;

    ReadSettings {
        if (pageSize < 1 || attempts < 1 || backoff.isNegative()) {
            throw new IllegalArgumentException("pageSize and attempts must be >= 1, backoff >= 0");
        }
        if (requestDeadline.isNegative() || requestDeadline.isZero()) {
            throw new IllegalArgumentException("requestDeadline must be > 0");
        }
        // The body is held in one array while it is parsed.
        if (maxResponseBytes < 1 || maxResponseBytes > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("maxResponseBytes must be between 1 and " + (Integer.MAX_VALUE - 8));
        }
    }

    /** Paging and retries as given; the default deadline and response size bound. */
    ReadSettings(int pageSize, int attempts, Duration backoff) {
        this(pageSize, attempts, backoff, DEFAULT_DEADLINE, DEFAULT_MAX_RESPONSE_BYTES);
    }

    /** 500 objects a page, as kubectl; three tries, waiting 0.5 s then 1 s; 30 s and 256 MiB a response. */
    static ReadSettings defaults() {
        return new ReadSettings(500, 3, Duration.ofMillis(500));
    }

    /** These settings with another total deadline per request. */
    ReadSettings withRequestDeadline(Duration deadline) {
        return new ReadSettings(pageSize, attempts, backoff, deadline, maxResponseBytes);
    }

    /** These settings with another bound on one response body. */
    ReadSettings withMaxResponseBytes(long bytes) {
        return new ReadSettings(pageSize, attempts, backoff, requestDeadline, bytes);
    }
}
