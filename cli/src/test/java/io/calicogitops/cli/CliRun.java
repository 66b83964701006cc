package io.calicogitops.cli;

import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** One in-process run of the {@code calico-gitops} command line: exit code, stdout and stderr as the user sees them. */
record CliRun(int exitCode, String out, String err) {

    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cmd = Main.commandLine(args); // as Main.run builds it: only the subcommand the line names
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        int code = cmd.execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }

    /** For assertion messages: everything the run printed. */
    String transcript() {
        return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }

    static Path projectRoot() {
        return Path.of(System.getProperty("project.root", "..")).toAbsolutePath().normalize();
    }

    static Path sampleRepo() {
        Path sample = projectRoot().resolve("sample-repo");
        assertTrue(Files.isDirectory(sample.resolve("fleet")), "sample-repo not found at " + sample);
        return sample;
    }

    static String sampleFleet() {
        return sampleRepo().resolve("fleet").toString();
    }

    /** A private copy of {@code sample-repo}, so a test can add or break profiles; returns its fleet folder. */
    static Path copySampleFleet(Path into) {
        Path source = sampleRepo();
        try (Stream<Path> walk = Files.walk(source)) {
            for (Path p : walk.toList()) {
                Path dest = into.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(dest);
                } else {
                    Files.copy(p, dest);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return into.resolve("fleet");
    }

    /** Every file below {@code dir} outside {@code .git}, relative paths; empty when the folder does not exist. */
    static SortedSet<String> files(Path dir) {
        SortedSet<String> out = new TreeSet<>();
        if (!Files.exists(dir)) {
            return out;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> !p.startsWith(".git/")).forEach(out::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
