package io.calicogitops.audit.live;

import java.time.Duration;

/** How a cluster read pages and retries: page size of each list, tries per request and the first backoff. */
record ReadSettings(int pageSize, int attempts, Duration backoff) {

    ReadSettings {
        if (pageSize < 1 || attempts < 1 || backoff.isNegative()) {
            throw new IllegalArgumentException("pageSize and attempts must be >= 1, backoff >= 0");
        }
    }

    /** 500 objects a page, as kubectl; three tries, waiting 0.5 s then 1 s. */
    static ReadSettings defaults() {
        return new ReadSettings(500, 3, Duration.ofMillis(500));
    }
}
