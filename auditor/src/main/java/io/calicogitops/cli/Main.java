package io.calicogitops.cli;

import io.calicogitops.generator.cli.ExitHandler;
import picocli.CommandLine;

/** Entry point of the {@code calico-gitops} program: runs picocli and exits with the command's code. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs one command line and returns its exit code (what tests call instead of {@code main}). */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    public static CommandLine commandLine() {
        return new CommandLine(new RootCommand())
                .setExecutionExceptionHandler(new ExitHandler())
                .setCaseInsensitiveEnumValuesAllowed(false);
    }
}
