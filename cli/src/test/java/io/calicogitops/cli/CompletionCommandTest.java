package io.calicogitops.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CompletionCommandTest {

    @TempDir
    Path tmp;

    @Test
    void bash_isValidBashThatCompletesCommandsOptionsAndFormats() throws Exception {
        CliRun run = CliRun.of("completion", "bash");
        assertEquals(0, run.exitCode(), run.transcript());
        String script = run.out();
        assertTrue(script.contains("render") && script.contains("segmentation") && script.contains("--output-file"), "commands and options");
        assertTrue(script.contains("(\"text\" \"json\" \"markdown\" \"html\" \"junit\" \"sarif\")"), "audit's -o formats as candidates");
        assertFalse(script.contains("--format"), "hidden options are not offered");
        Path file = Files.writeString(tmp.resolve("c.bash"), script);
        Process bash = new ProcessBuilder("bash", "-n", file.toString()).redirectErrorStream(true).start();
        assertTrue(bash.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, bash.exitValue(), new String(bash.getInputStream().readAllBytes()));
    }

    @Test
    void zsh_getsTheScriptThatLoadsBashcompinit() {
        String script = CliRun.of("completion", "zsh").out();
        assertTrue(script.contains("bashcompinit"), script.substring(0, Math.min(400, script.length())));
    }

    @Test
    void fish_completesNestedCommandsAndEachCommandsFormats() {
        CliRun run = CliRun.of("completion", "fish");
        assertEquals(0, run.exitCode(), run.transcript());
        String script = run.out();
        assertTrue(script.contains("complete -c calico-gitops -n '__fish_use_subcommand' -a audit -d "), script);
        assertTrue(script.contains("-n '__fish_seen_subcommand_from log; and not __fish_seen_subcommand_from "), "log's subcommands");
        assertTrue(script.contains("-n '__fish_seen_subcommand_from log; and __fish_seen_subcommand_from show' -s o -l output -r -a 'text json'"),
                "log show -o lists its formats");
        assertTrue(script.contains("-n '__fish_seen_subcommand_from diagram' -s o -l output -r -a 'svg dot mermaid text'"), script);
    }

    @Test
    void fishQuoting_escapesQuotesAndBackslashes() {
        assertEquals("'it\\'s a \\\\ path'", FishCompletion.quote("it's a \\ path"));
    }

    @Test
    void anotherShell_isAUsageError() {
        CliRun run = CliRun.of("completion", "powershell");
        assertEquals(2, run.exitCode());
        assertEquals("error: shell: expected bash, zsh or fish (got 'powershell')\n", run.err());
    }
}
