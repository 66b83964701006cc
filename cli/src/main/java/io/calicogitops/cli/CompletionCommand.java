package io.calicogitops.cli;

import io.calicogitops.diag.ExitCodes;
import io.calicogitops.diag.InvalidValueException;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** {@code calico-gitops completion bash|zsh|fish}: a shell completion script for every command, option and format. */
@Command(name = "completion", mixinStandardHelpOptions = true,
        description = "Print a completion script for bash, zsh or fish: commands, options, and the formats each command's "
                + "-o takes. bash: source <(calico-gitops completion bash); zsh: the same line in ~/.zshrc (it loads "
                + "bashcompinit); fish: calico-gitops completion fish > ~/.config/fish/completions/calico-gitops.fish")
public final class CompletionCommand implements Callable<Integer> {

    static final String PROGRAM = "calico-gitops";

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SHELL", description = "bash, zsh or fish")
    String shell;

    @Override
    public Integer call() {
        CommandLine root = spec.root().commandLine();
        String script = switch (shell) {
            // picocli's script serves both: under zsh it loads bashcompinit first.
            case "bash", "zsh" -> AutoComplete.bash(PROGRAM, root);
            case "fish" -> FishCompletion.script(PROGRAM, root);
            default -> throw new InvalidValueException("shell", "expected bash, zsh or fish (got '" + shell + "')");
        };
        PrintWriter out = spec.commandLine().getOut();
        out.print(script);
        out.flush();
        return ExitCodes.OK;
    }
}
