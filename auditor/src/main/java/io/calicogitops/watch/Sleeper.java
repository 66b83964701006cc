package io.calicogitops.watch;

import java.time.Duration;

/** Waits between audits; tests inject one that only records the pauses. Returns early (false) when asked to stop. */
@FunctionalInterface
public interface Sleeper {

    /** @return true when the whole pause elapsed, false when a stop was requested */
    boolean sleep(Duration pause) throws InterruptedException;
}
