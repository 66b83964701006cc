package io.calicogitops.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static io.calicogitops.cli.CliRun.sampleFleet;
import static io.calicogitops.cli.CliRun.sampleRepo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One output model for every command: -o/--output FORMAT, --output-file FILE, --format kept as a hidden alias. */
class OutputOptionsTest {

    @TempDir
    static Path shared;
    static Path repo;

    @TempDir
    Path tmp;

    @BeforeAll
    static void render() {
        repo = shared.resolve("gitops");
        CliRun render = CliRun.of("render", "--fleet", sampleFleet(), "--repo", repo.toString());
        assertEquals(0, render.exitCode(), render.transcript());
    }

    private static CliRun reach(String... more) {
        List<String> args = new ArrayList<>(List.of("reach", "--repo", repo.toString(), "--cluster", "eks-dev",
                "--fleet", sampleFleet(), "--from", "default/frontend", "--to", "default/cartservice", "--port", "7070"));
        args.addAll(List.of(more));
        return CliRun.of(args.toArray(String[]::new));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "audit|text, json, markdown, html, junit or sarif (default: text)",
            "history|text, json, markdown, html or csv (default: text)",
            "apply|text or json (default: text)",
            "reach|text or json (default: text)",
            "matrix|text, json or csv (default: text)",
            "diagram|svg, dot, mermaid or text (default: svg)",
            "lint|text, json or sarif (default: text)",
            "validate|text, json or sarif (default: text)",
            "promote|text or json (default: text)"})
    void help_listsEachCommandsOwnFormats(String command, String formats) {
        CliRun run = CliRun.of(command, "--help");
        assertEquals(0, run.exitCode(), run.transcript());
        String help = run.out().replaceAll("\\s+", " ");
        assertTrue(help.contains("-o, --output=FORMAT " + formats), help);
        assertTrue(help.contains("--output-file=FILE"), help);
        assertFalse(help.contains("--format"), "the old name is hidden: " + help);
    }

    @Test
    void everyCommandWithOutputOptionsDeclaresItsReporter() {
        // describe() throws for a FormattedCommand without the mixin; this finds the reverse: a mixin with no reporter.
        List<String> missing = new ArrayList<>();
        walk(Main.commandLine(), missing);
        assertEquals(List.of(), missing);
    }

    private static void walk(CommandLine line, List<String> missing) {
        if (line.getCommandSpec().findOption("--output-file") != null && !(line.getCommand() instanceof FormattedCommand)) {
            missing.add(line.getCommandSpec().qualifiedName());
        }
        line.getSubcommands().values().forEach(sub -> walk(sub, missing));
    }

    @Test
    void dashO_choosesTheFormat_andTheOldFormatOptionStillWorks() {
        CliRun o = reach("-o", "json");
        CliRun old = reach("--format", "json");
        assertEquals(0, o.exitCode(), o.transcript());
        assertTrue(o.out().contains("\"schemaVersion\": \"calico-gitops/reach/v1\""), o.out());
        assertEquals(o.out(), old.out());
        assertEquals(o.out(), reach("--output", "JSON").out(), "long name, any case");
    }

    @Test
    void dashOAndADifferentFormat_isAUsageError() {
        CliRun run = reach("-o", "json", "--format", "text");
        assertEquals(2, run.exitCode(), run.transcript());
        assertTrue(run.err().contains("-o/--output and --format name different formats"), run.transcript());
        assertEquals("", run.out());
    }

    @Test
    void aFormatTheCommandLacks_isAUsageErrorListingItsFormats() {
        CliRun run = reach("-o", "csv");
        assertEquals(2, run.exitCode(), run.transcript());
        assertEquals("error: -o/--output: unknown output format 'csv' for the reach result (expected text, json)\n", run.err());
    }

    @Test
    void theOldOutputFileSpelling_isRefusedWithAHint_andNothingIsWritten() {
        Path file = tmp.resolve("reach.json");
        CliRun run = reach("--output", file.toString());
        assertEquals(2, run.exitCode(), run.transcript());
        assertTrue(run.err().contains("to write to a file use --output-file " + file), run.transcript());
        assertFalse(Files.exists(file));
        assertEquals("", run.out());
    }

    @Test
    void outputFile_writesWhatStdoutWouldShow_andSaysWhereOnStderr() throws Exception {
        Path file = tmp.resolve("nested/reach.json");
        CliRun run = reach("-o", "json", "--output-file", file.toString());
        assertEquals(0, run.exitCode(), run.transcript());
        assertEquals("", run.out());
        assertTrue(run.err().contains("report written to "), run.transcript());
        assertEquals(reach("-o", "json").out(), Files.readString(file));
    }

    @Test
    void lint_json_listsEachFindingWithItsCodeAndLocation() throws Exception {
        CliRun run = CliRun.of("lint", "--repo", repo.toString(), "--cluster", "eks-dev", "--fleet", sampleFleet(), "-o", "json");
        assertEquals(0, run.exitCode(), run.transcript());
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(run.out());
        assertEquals("calico-gitops/lint/v1", json.get("schemaVersion").asText());
        CliRun text = CliRun.of("lint", "--repo", repo.toString(), "--cluster", "eks-dev", "--fleet", sampleFleet());
        long lines = text.out().lines().filter(l -> l.contains(": warning: CG-L")).count();
        assertEquals(lines, json.get("count").asLong());
        assertEquals(lines, json.get("findings").size());
        for (var f : json.get("findings")) {
            assertTrue(f.get("code").asText().matches("CG-L\\d{3}"), f.toString());
            assertTrue(f.get("line").asInt() > 0, f.toString());
            assertFalse(f.get("message").asText().startsWith("CG-L"), "the code is not repeated in the message: " + f);
        }
        assertTrue(sampleRepo().toFile().isDirectory());
    }
}
