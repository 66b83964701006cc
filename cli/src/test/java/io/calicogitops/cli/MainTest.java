package io.calicogitops.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The program's outermost guard: running out of memory must not exit 1, which reads as "drift found". */
class MainTest {

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);

    @Test
    void guarded_outOfMemory_exits70WithAHeapHint() {
        int code = Main.guarded(() -> {
            throw new OutOfMemoryError("Java heap space");
        }, errStream);
        assertEquals(70, code);
        String text = err.toString(StandardCharsets.UTF_8);
        assertTrue(text.startsWith("error: out of memory"), text);
        assertTrue(text.contains("CALICO_GITOPS_JAVA_OPTS=-Xmx"), text);
    }

    @Test
    void guarded_normalRun_keepsTheCommandsExitCode() {
        assertEquals(1, Main.guarded(() -> 1, errStream));
        assertEquals("", err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void commandLine_buildsOnlyTheNamedSubcommand_elseAll() {
        assertEquals(java.util.Set.of("reach"), Main.commandLine("--stacktrace", "reach", "--help").getSubcommands().keySet());
        assertEquals(java.util.Set.of("log"), Main.commandLine("log", "show").getSubcommands().keySet());
        int all = RootCommand.SUBCOMMANDS.size();
        assertEquals(all, Main.commandLine("--help").getSubcommands().size(), "the root's help lists every command");
        assertEquals(all, Main.commandLine("reahc").getSubcommands().size(), "a typo: all, so picocli can suggest");
        assertEquals(all, Main.commandLine("completion", "bash").getSubcommands().size(), "completion covers every command");
    }

    @Test
    void aTypoInTheSubcommand_isSuggested_andTheInheritedStacktraceOptionStillWorks() {
        CliRun typo = CliRun.of("reahc");
        assertEquals(2, typo.exitCode());
        assertTrue(typo.err().contains("reach"), typo.transcript());
        CliRun trace = CliRun.of("history", "--repo", "/no/such/repo", "--stacktrace");
        assertTrue(trace.exitCode() != 0 && trace.err().contains("\tat "), "stack trace printed: " + trace.transcript());
    }
}
