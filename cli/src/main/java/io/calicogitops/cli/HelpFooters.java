package io.calicogitops.cli;

import picocli.CommandLine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Ends each subcommand's {@code --help} with examples and its exit codes, as kubectl's help does, from
 * {@code /help/<command>.txt} ({@code log-show.txt} for {@code log show}): text that a test checks, kept out of the
 * annotations.
 */
final class HelpFooters {

    private HelpFooters() {
    }

    static void install(CommandLine line) {
        for (CommandLine sub : line.getSubcommands().values()) {
            footer(sub).ifPresent(lines -> sub.getCommandSpec().usageMessage().footer(lines.toArray(String[]::new)));
            install(sub);
        }
    }

    /** The resource name of a command: its name below the root, words joined by '-'. */
    static String resource(CommandLine line) {
        String qualified = line.getCommandSpec().qualifiedName(" ");
        return "/help/" + qualified.substring(qualified.indexOf(' ') + 1).replace(' ', '-') + ".txt";
    }

    static java.util.Optional<List<String>> footer(CommandLine line) {
        try (InputStream in = HelpFooters.class.getResourceAsStream(resource(line))) {
            if (in == null) {
                return java.util.Optional.empty();
            }
            List<String> lines = new ArrayList<>();
            lines.add("");
            lines.addAll(new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList());
            return java.util.Optional.of(lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
