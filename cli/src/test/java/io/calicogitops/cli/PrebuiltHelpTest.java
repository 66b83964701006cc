package io.calicogitops.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PrebuiltHelpTest {

    @Test
    void everyCommandHasItsHelpAndVersionPrebuilt() {
        List<String> paths = new ArrayList<>();
        paths(Main.commandLine(), "", paths);

        assertTrue(paths.size() > 20, paths.toString());
        for (String path : paths) {
            for (String option : List.of("--help", "-h", "--version", "-V")) {
                String line = (path + " " + option).strip();
                assertTrue(PrebuiltHelp.file(line).isPresent(), "no prebuilt text for '" + line + "'");
            }
        }
    }

    @Test
    void prebuiltText_isWhatTheCommandLinePrintsThroughPicocli() {
        for (String line : List.of("--help", "-h", "audit --help", "log show --help", "flows replay -h", "-V",
                "evidence export --help", "completion --help")) {
            String[] args = line.split(" ");
            ByteArrayOutputStream out = new ByteArrayOutputStream();

            assertTrue(PrebuiltHelp.print(args, new PrintStream(out, true, StandardCharsets.UTF_8)), line);
            CliRun picocli = CliRun.of(args);
            assertEquals(0, picocli.exitCode(), picocli.transcript());
            assertEquals(picocli.out(), out.toString(StandardCharsets.UTF_8), line);
        }
    }

    @Test
    void colouredText_isWhatPicocliPrintsWithColour() throws Exception {
        for (String line : List.of("--help", "audit --help", "log verify -h")) {
            String file = PrebuiltHelp.file(line).orElseThrow();
            byte[] prebuilt;
            try (var in = PrebuiltHelp.class.getResourceAsStream(PrebuiltHelp.FOLDER + file + ".ansi.txt")) {
                prebuilt = in.readAllBytes();
            }
            String text = new String(prebuilt, StandardCharsets.UTF_8);

            assertTrue(text.contains("\u001B["), "no colour in " + file);
            assertEquals(new String(PrebuiltHelpWriter.print(List.of(line.split(" ")), CommandLine.Help.Ansi.ON),
                    StandardCharsets.UTF_8), text, line);
        }
    }

    @Test
    void anyOtherCommandLine_isLeftToPicocli() {
        for (String line : List.of("", "audit", "audit --help --repo x", "--repo x audit --help", "nosuch --help",
                "audit  --help", "--HELP", "help")) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();

            assertFalse(PrebuiltHelp.print(line.isEmpty() ? new String[0] : line.split(" ", -1),
                    new PrintStream(out, true, StandardCharsets.UTF_8)), line);
            assertEquals(0, out.size());
        }
    }

    @Test
    void aUsageWidthGivenToPicocli_turnsThePrebuiltTextsOff() {
        System.setProperty("picocli.usage.width", "120");
        try {
            assertFalse(PrebuiltHelp.print(new String[] {"--help"}, new PrintStream(new ByteArrayOutputStream())));
        } finally {
            System.clearProperty("picocli.usage.width");
        }
    }

    private static void paths(CommandLine command, String path, List<String> into) {
        into.add(path);
        command.getSubcommands().forEach((name, sub) -> paths(sub, (path + " " + name).strip(), into));
    }
}
