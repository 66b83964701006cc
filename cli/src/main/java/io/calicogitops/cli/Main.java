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
        if (PrebuiltHelp.print(args, System.out)) {
            System.exit(ExitCodes.OK);
        }
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
        return commandLine(args).execute(args);
    }

    /** The whole command tree (help, completion, tests that walk every command). */
    public static CommandLine commandLine() {
        return build(RootCommand.SUBCOMMANDS);
    }

    /**
     * The tree a command line needs: only the subcommand it names (its model is built by reflection, and building
     * every command's is most of the start-up of a short run), or all of them when it names none, names one that does
     * not exist (picocli then suggests the closest) or asks for completion scripts.
     */
    public static CommandLine commandLine(String... args) {
        String first = java.util.Arrays.stream(args).filter(a -> !a.startsWith("-")).findFirst().orElse(null);
        for (Class<?> c : RootCommand.SUBCOMMANDS) {
            String name = c.getAnnotation(CommandLine.Command.class).name();
            if (name.equals(first) && c != CompletionCommand.class) {
                return build(java.util.List.of(c));
            }
        }
        return build(RootCommand.SUBCOMMANDS);
    }

    private static CommandLine build(java.util.List<Class<?>> subcommands) {
        CommandLine line = new CommandLine(new RootCommand());
        subcommands.forEach(line::addSubcommand);
        line.setExecutionExceptionHandler(new ExitHandler())
                .setParameterExceptionHandler(new HiddenValuesParameterHandler())
                .setCaseInsensitiveEnumValuesAllowed(false);
        OutputOptions.describe(line);
        HelpFooters.install(line);
        return line;
    }
}
