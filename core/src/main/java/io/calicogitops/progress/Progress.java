package io.calicogitops.progress;

/**
 * Where a long run says how far it is: each phase is a {@link Task} counting units done out of a total. The default
 * shows nothing; the command line passes a {@link TerminalProgress} when stderr is a terminal.
 */
public interface Progress {

    /** Starts a phase of {@code total} units ({@code -1} when the total is not known in advance). */
    Task start(String what, String unit, long total);

    /** Shows nothing. */
    static Progress none() {
        return (what, unit, total) -> Task.NONE;
    }

    /** One phase of a run; {@link #advance()} may be called from several threads. */
    interface Task extends AutoCloseable {

        Task NONE = new Task() {
            @Override
            public void advance() {
            }

            @Override
            public void close() {
            }
        };

        void advance();

        /** Ends the phase and removes what it drew. */
        @Override
        void close();
    }
}
