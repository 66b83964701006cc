package io.calicogitops.cli;

import io.calicogitops.diag.UsageException;
import io.calicogitops.output.OutputFormat;
import io.calicogitops.output.Reporter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where and how a command prints its result, the same for every command: {@code -o/--output FORMAT} as kubectl and
 * conftest name it, {@code --output-file FILE} for the destination. {@code --format} is the earlier name of
 * {@code -o}, kept hidden for one release.
 */
final class OutputOptions {

    static final String OPTION = "--output";

    @Option(names = {"-o", OPTION}, paramLabel = "FORMAT", description = "output format (the command's list is filled in by describe())")
    String output;

    @Option(names = "--format", hidden = true, paramLabel = "FORMAT", description = "deprecated name of -o/--output")
    String format;

    @Option(names = "--output-file", paramLabel = "FILE", description = "write the result to FILE instead of stdout (folders are created)")
    Path outputFile;

    /** The chosen format of this command's result: {@code -o}, else {@code --format}, else the reporter's default. */
    <R> OutputFormat format(Reporter<R> reporter) {
        if (output != null && format != null && !output.trim().equalsIgnoreCase(format.trim())) {
            throw new UsageException("-o/--output and --format name different formats ('" + output + "', '" + format
                    + "'); --format is the old name of -o, give one");
        }
        String chosen = output != null ? output : format;
        if (chosen == null) {
            return reporter.defaultFormat();
        }
        try {
            return reporter.parse(chosen);
        } catch (UsageException e) {
            // Before -o named the format, --output named the file: say where the file goes now.
            boolean looksLikeFile = output != null && (output.contains("/") || output.contains("\\") || output.contains("."));
            throw new UsageException("-o/--output: " + e.getMessage()
                    + (looksLikeFile ? "; to write to a file use --output-file " + output : ""));
        }
    }

    /**
     * Prints the result in the chosen format to stdout, or to {@code --output-file} with {@code note} and the file's
     * name on stderr. The format is checked before anything is written.
     */
    <R> void print(CommandSpec spec, Reporter<R> reporter, R result, String note) throws IOException {
        OutputFormat f = format(reporter);
        if (outputFile == null) {
            Writer out = new BufferedWriter(spec.commandLine().getOut(), 1 << 16);
            reporter.write(result, f, out);
            out.flush();
            return;
        }
        Path parent = outputFile.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        try (Writer w = Files.newBufferedWriter(outputFile, StandardCharsets.UTF_8)) {
            reporter.write(result, f, w);
        }
        spec.commandLine().getErr().println(note + ": report written to " + Paths.display(outputFile));
    }

    /**
     * Fills in each formatted command's {@code -o} help with its own formats and default, and its completion
     * candidates, once the command tree is built (a mixin's annotations cannot vary per command).
     */
    static void describe(CommandLine line) {
        if (line.getCommand() instanceof FormattedCommand formatted) {
            CommandSpec spec = line.getCommandSpec();
            OptionSpec option = spec.findOption(OPTION);
            if (option == null) {
                throw new IllegalStateException(spec.name() + " is a FormattedCommand without the OutputOptions mixin");
            }
            Reporter<?> reporter = formatted.reporter();
            OptionSpec described = option.toBuilder()
                    .description(reporter.describeFormats() + " (default: " + reporter.defaultFormat().label() + ")")
                    .completionCandidates(reporter.formats().stream().map(OutputFormat::label).toList())
                    .build();
            spec.remove(option);
            spec.addOption(described);
        }
        line.getSubcommands().values().forEach(OutputOptions::describe);
    }
}
