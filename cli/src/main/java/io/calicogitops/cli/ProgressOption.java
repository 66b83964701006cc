package io.calicogitops.cli;

import io.calicogitops.progress.Progress;
import io.calicogitops.progress.Terminal;
import io.calicogitops.progress.TerminalProgress;
import picocli.CommandLine.Option;

import java.io.PrintWriter;

/** {@code --progress / --no-progress}: a progress bar on stderr for long runs; by default only on a terminal. */
public final class ProgressOption {

    @Option(names = "--progress", negatable = true, description = "show a progress bar on stderr during long runs"
            + " (default: only when stderr is a terminal, even when stdout is piped)")
    Boolean progress;

    /** The progress to report to: a bar on {@code err} when asked for, or by default when the program runs on a terminal. */
    public Progress on(PrintWriter err) {
        boolean show = progress != null ? progress : Terminal.stderrIsTerminal();
        return show ? new TerminalProgress(err) : Progress.none();
    }
}
