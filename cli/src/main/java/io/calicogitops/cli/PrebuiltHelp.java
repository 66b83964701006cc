package io.calicogitops.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * The fast path of {@code --help}, {@code -h}, {@code --version} and {@code -V}: prints the text picocli would
 * print, written at build time by {@link PrebuiltHelpWriter}, without building any command model (building them by
 * reflection is most of a short run's start-up). Only a command line that is exactly a command path and one of
 * those options takes it; anything else, or a picocli setting that would change the text, takes picocli's own path.
 */
final class PrebuiltHelp {

    /** Where the texts and their index live in the jar. */
    static final String FOLDER = "/help/usage/";
    static final String INDEX = FOLDER + "index.txt";

    private PrebuiltHelp() {
    }

    /** Prints the prebuilt text for these arguments when there is one; false when picocli must answer. */
    static boolean print(String[] args, PrintStream out) {
        if (args.length == 0 || System.getProperty("picocli.usage.width") != null) {
            return false;
        }
        Optional<String> file = file(String.join(" ", args));
        if (file.isEmpty()) {
            return false;
        }
        // The same test picocli makes to colour its help (environment, system properties, terminal).
        boolean ansi = picocli.CommandLine.Help.Ansi.AUTO.enabled();
        // String.concat, not '+': the JVM bootstraps '+' (invokedynamic) at its first use, a cost this path avoids.
        byte[] text = read(FOLDER.concat(file.get()).concat(ansi ? ".ansi.txt" : ".txt"));
        if (text == null) {
            return false;
        }
        out.write(text, 0, text.length);
        out.flush();
        return true;
    }

    /** The text file (without suffix) the index names for a command line, e.g. "audit.usage" for "audit -h". */
    static Optional<String> file(String commandLine) {
        byte[] index = read(INDEX);
        if (index == null) {
            return Optional.empty();
        }
        for (String line : new String(index, java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
            int tab = line.indexOf('\t');
            if (tab > 0 && line.substring(0, tab).equals(commandLine)) {
                return Optional.of(line.substring(tab + 1));
            }
        }
        return Optional.empty();
    }

    private static byte[] read(String resource) {
        try (InputStream in = PrebuiltHelp.class.getResourceAsStream(resource)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
