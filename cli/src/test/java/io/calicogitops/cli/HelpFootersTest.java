package io.calicogitops.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every command's --help ends with examples of that command and its exit codes. */
class HelpFootersTest {

    @Test
    void everyRunnableCommand_endsItsHelpWithExamplesAndExitCodes() {
        List<String> problems = new ArrayList<>();
        walk(Main.commandLine(), problems);
        assertEquals(List.of(), problems);
    }

    private static void walk(CommandLine line, List<String> problems) {
        for (CommandLine sub : line.getSubcommands().values()) {
            boolean group = !sub.getSubcommands().isEmpty() && !(sub.getCommand() instanceof java.util.concurrent.Callable<?>);
            if (!group) {
                String name = sub.getCommandSpec().qualifiedName(" ");
                String help = sub.getUsageMessage();
                String tail = help.substring(Math.max(0, help.indexOf("Examples:")));
                long examples = tail.lines().filter(l -> l.startsWith("  " + name + " ") || l.startsWith("  ./" + name)).count();
                if (!help.contains("Examples:") || examples < 1 || (examples < 2 && !name.endsWith("demo"))) {
                    problems.add(name + ": fewer than two examples of itself");
                }
                String flat = tail.replaceAll("\\s+", " "); // picocli wraps long footer lines
                if (!flat.contains("Exit codes: 0 ") || !flat.contains("2 usage")) {
                    problems.add(name + ": no exit codes");
                }
            }
            walk(sub, problems);
        }
    }

    @Test
    void theFooterIsTheLastPartOfTheHelp() {
        CliRun run = CliRun.of("audit", "--help");
        assertEquals(0, run.exitCode());
        String out = run.out().stripTrailing().replaceAll("\\s+", " ");
        assertTrue(out.endsWith("(or a --record that could not be written)."), out);
        assertTrue(out.indexOf("Examples:") > out.indexOf("--watch"), "after the options: " + out);
    }
}
