package io.calicogitops.cli;

import io.calicogitops.diag.ExitCodes;
import picocli.CommandLine;

import java.io.PrintStream;
import java.util.function.IntSupplier;

/** Entry point of the {@code calico-gitops} program: runs picocli and exits with the command's code. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(guarded(() -> run(args), System.err));
    }

    /**
     * Runs a command; running out of memory is exit 70 with a hint, not the JVM's exit 1, which would read as
     * "findings" (drift) to a CI job.
     */
    static int guarded(IntSupplier command, PrintStream err) {
        try {
            return command.getAsInt();
        } catch (OutOfMemoryError e) {
            err.println("error: out of memory; give Java a larger heap, e.g. CALICO_GITOPS_JAVA_OPTS=-Xmx4g");
            return ExitCodes.INTERNAL;
        }
    }

    /** Runs one command line and returns its exit code (what tests call instead of {@code main}). */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    public static CommandLine commandLine() {
        CommandLine line = new CommandLine(new RootCommand())
                .setExecutionExceptionHandler(new ExitHandler())
                .setParameterExceptionHandler(new HiddenValuesParameterHandler())
                .setCaseInsensitiveEnumValuesAllowed(false);
        OutputOptions.describe(line);
        HelpFooters.install(line);
        return line;
    }
}
