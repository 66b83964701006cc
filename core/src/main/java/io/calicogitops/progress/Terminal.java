package io.calicogitops.progress;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether standard error is a terminal, which decides if a progress bar is drawn. {@code System.console()} answers for
 * standard input and output together, so {@code calico-gitops history | tail} would hide the bar although stderr is
 * still the terminal; on Linux the file descriptor's target says it directly.
 */
public final class Terminal {

    private Terminal() {
    }

    /** True when file descriptor 2 is a terminal device; elsewhere falls back to {@code System.console()}. */
    public static boolean stderrIsTerminal() {
        Path fd = Path.of("/proc/self/fd/2");
        try {
            if (Files.isSymbolicLink(fd)) {
                return isTerminalDevice(Files.readSymbolicLink(fd).toString());
            }
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            // No /proc (macOS, Windows) or not allowed: use the JDK's answer below.
        }
        return System.console() != null;
    }

    /** A pseudo-terminal ({@code /dev/pts/3}), a console ({@code /dev/tty1}, {@code /dev/console}). */
    static boolean isTerminalDevice(String target) {
        return target.startsWith("/dev/pts/") || target.matches("/dev/tty[0-9A-Za-z]*") || target.equals("/dev/console");
    }
}
