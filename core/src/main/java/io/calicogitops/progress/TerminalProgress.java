package io.calicogitops.progress;

import java.io.PrintWriter;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * A one-line progress bar redrawn in place with carriage returns, e.g.
 * {@code render [##########..........] 250/500 clusters}. Quiet during the first half second, so that short runs
 * print nothing; redrawn at most ten times a second; the line is cleared when the phase ends.
 */
public final class TerminalProgress implements Progress {

    static final long QUIET_NANOS = TimeUnit.MILLISECONDS.toNanos(500);
    static final long REDRAW_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    private static final int BAR = 24;

    private final PrintWriter out;
    private final LongSupplier clock;

    public TerminalProgress(PrintWriter out) {
        this(out, System::nanoTime);
    }

    /** With a clock in nanoseconds (tests pass a fake one). */
    public TerminalProgress(PrintWriter out, LongSupplier clock) {
        this.out = out;
        this.clock = clock;
    }

    @Override
    public Task start(String what, String unit, long total) {
        return new Bar(what, unit, total, clock.getAsLong());
    }

    private final class Bar implements Task {
        private final String what;
        private final String unit;
        private final long total;
        private final long started;
        private final AtomicLong done = new AtomicLong();
        private long lastDraw = Long.MIN_VALUE;
        private int drawnWidth;

        Bar(String what, String unit, long total, long started) {
            this.what = what;
            this.unit = unit;
            this.total = total;
            this.started = started;
        }

        @Override
        public void advance() {
            long n = done.incrementAndGet();
            long now = clock.getAsLong();
            if (now - started < QUIET_NANOS) {
                return;
            }
            synchronized (this) {
                if (lastDraw != Long.MIN_VALUE && now - lastDraw < REDRAW_NANOS && n != total) {
                    return;
                }
                lastDraw = now;
                draw(Math.max(n, done.get()));
            }
        }

        private void draw(long n) {
            String line;
            if (total > 0) {
                long shown = Math.min(n, total);
                int filled = (int) (BAR * shown / total);
                line = what + " [" + "#".repeat(filled) + ".".repeat(BAR - filled) + "] " + shown + "/" + total + " " + unit;
            } else {
                line = what + " " + n + " " + unit;
            }
            // Pad over a longer previous line (the count only grows, but the caller's label may not).
            String pad = " ".repeat(Math.max(0, drawnWidth - line.length()));
            out.print("\r" + line + pad);
            out.flush();
            drawnWidth = line.length();
        }

        @Override
        public synchronized void close() {
            if (drawnWidth > 0) {
                out.print("\r" + " ".repeat(drawnWidth) + "\r");
                out.flush();
                drawnWidth = 0;
            }
        }
    }
}
