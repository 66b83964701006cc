package io.calicogitops.cli;

import picocli.CommandLine;
import picocli.CommandLine.Help.Ansi;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the texts {@link PrebuiltHelp} prints, at build time (the cli module's {@code process-classes} phase): for
 * every command and each of its help and version options, what picocli prints for exactly that command line, plain
 * and coloured, and an index from command line to file. Run as {@code PrebuiltHelpWriter <folder>}.
 */
final class PrebuiltHelpWriter {

    private PrebuiltHelpWriter() {
    }

    public static void main(String[] args) throws IOException {
        Path folder = Path.of(args[0]);
        Files.createDirectories(folder);
        List<String> index = new ArrayList<>();
        for (Entry entry : entries()) {
            Files.write(folder.resolve(entry.file() + ".txt"), entry.plain());
            Files.write(folder.resolve(entry.file() + ".ansi.txt"), entry.ansi());
            entry.commandLines().forEach(line -> index.add(line + "\t" + entry.file()));
        }
        Files.writeString(folder.resolve("index.txt"), String.join("\n", index) + "\n", StandardCharsets.UTF_8);
    }

    /** One text: the command lines that print it, its file name, and its bytes without and with colour. */
    record Entry(List<String> commandLines, String file, byte[] plain, byte[] ansi) {
    }

    /** Every command's usage and version texts, the root's first, then depth first in the help's order. */
    static List<Entry> entries() {
        List<Entry> entries = new ArrayList<>();
        collect(Main.commandLine(), List.of(), entries);
        return entries;
    }

    private static void collect(CommandLine command, List<String> path, List<Entry> entries) {
        String name = path.isEmpty() ? "calico-gitops" : String.join("-", path);
        for (String kind : List.of("usage", "version")) {
            List<String> options = new ArrayList<>();
            for (CommandLine.Model.OptionSpec option : command.getCommandSpec().options()) {
                if (kind.equals("usage") ? option.usageHelp() : option.versionHelp()) {
                    options.addAll(List.of(option.names()));
                }
            }
            if (options.isEmpty()) {
                continue;
            }
            List<String> lines = new ArrayList<>();
            byte[] plain = null;
            byte[] ansi = null;
            for (String option : options) {
                List<String> args = new ArrayList<>(path);
                args.add(option);
                byte[] p = print(args, Ansi.OFF);
                byte[] a = print(args, Ansi.ON);
                if (plain == null) {
                    plain = p;
                    ansi = a;
                } else if (!java.util.Arrays.equals(plain, p) || !java.util.Arrays.equals(ansi, a)) {
                    throw new IllegalStateException("'" + String.join(" ", args) + "' prints another text than "
                            + lines.get(0));
                }
                lines.add(String.join(" ", args));
            }
            // Bytes outside ASCII would depend on the encoding of standard output: picocli answers those itself.
            if (ascii(plain) && ascii(ansi)) {
                entries.add(new Entry(lines, name + "." + kind, plain, ansi));
            }
        }
        for (var sub : command.getSubcommands().entrySet()) {
            List<String> subPath = new ArrayList<>(path);
            subPath.add(sub.getKey());
            collect(sub.getValue(), subPath, entries);
        }
    }

    private static boolean ascii(byte[] text) {
        for (byte b : text) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }

    /** What picocli prints on standard output for the command line, as {@link Main#run} would run it. */
    static byte[] print(List<String> args, Ansi ansi) {
        String[] argv = args.toArray(String[]::new);
        CommandLine line = Main.commandLine(argv);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        line.setColorScheme(CommandLine.Help.defaultColorScheme(ansi));
        line.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        line.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        int code = line.execute(argv);
        if (code != 0 || err.size() != 0) {
            throw new IllegalStateException("'" + String.join(" ", args) + "' exited " + code + ": " + err);
        }
        return out.toByteArray();
    }
}
