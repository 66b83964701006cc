package io.calicogitops.cli;

import picocli.CommandLine.Model.CommandSpec;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a command's result to {@code --output FILE} (folders created, a note on stderr) or to stdout. */
final class OutputFile {

    /** Something that writes the result. */
    interface Body {
        void writeTo(Writer w) throws IOException;
    }

    private OutputFile() {
    }

    static void write(CommandSpec spec, Path output, String note, Body body) throws IOException {
        if (output == null) {
            Writer out = new BufferedWriter(spec.commandLine().getOut(), 1 << 16);
            body.writeTo(out);
            out.flush();
            return;
        }
        Path parent = output.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        try (Writer w = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
            body.writeTo(w);
        }
        spec.commandLine().getErr().println(note + ": " + Paths.display(output));
    }
}
