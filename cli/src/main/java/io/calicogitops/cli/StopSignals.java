package io.calicogitops.cli;

import sun.misc.Signal;
import sun.misc.SignalHandler;

import java.util.ArrayList;
import java.util.List;

/**
 * While open, SIGTERM and SIGINT call {@code stop} instead of ending the JVM, so that {@code audit --watch} finishes the
 * audit in progress (its drift-log entry is written whole) and returns exit 0. A shutdown hook cannot do this: the
 * JVM's exit status after a signal is always 128+signal. {@code sun.misc.Signal} (module jdk.unsupported) is the JDK's
 * supported way to handle signals; where a signal cannot be handled, the default behaviour stays.
 */
final class StopSignals implements AutoCloseable {

    private final List<Signal> signals = new ArrayList<>();
    private final List<SignalHandler> previous = new ArrayList<>();

    StopSignals(Runnable stop) {
        for (String name : List.of("TERM", "INT")) {
            try {
                Signal s = new Signal(name);
                previous.add(Signal.handle(s, sig -> stop.run()));
                signals.add(s);
            } catch (IllegalArgumentException e) {
                // Not available on this platform or already used by the JVM: keep the default.
            }
        }
    }

    @Override
    public void close() {
        for (int i = 0; i < signals.size(); i++) {
            Signal.handle(signals.get(i), previous.get(i));
        }
    }
}
