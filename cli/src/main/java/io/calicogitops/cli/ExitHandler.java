package io.calicogitops.cli;

import io.calicogitops.diag.CalicoGitOpsException;
import io.calicogitops.diag.Diagnostic;
import io.calicogitops.diag.ExitCodes;
import io.calicogitops.diag.InvalidInputException;
import io.calicogitops.diag.InvalidValueException;
import picocli.CommandLine;

import java.io.PrintWriter;

/**
 * Maps every failure to a short message on stderr and the documented exit code; the stack trace only with
 * {@code --stacktrace}. Invalid input prints all diagnostics, sorted, then a count.
 */
public final class ExitHandler implements CommandLine.IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, CommandLine.ParseResult parseResult) {
        PrintWriter err = cmd.getErr();
        boolean trace = wantsTrace(parseResult);
        int code;
        if (ex instanceof InvalidInputException invalid) {
            invalid.diagnostics().stream().map(Diagnostic::format).forEach(err::println);
            long errors = invalid.diagnostics().stream().filter(Diagnostic::isError).count();
            err.println(errors + (errors == 1 ? " error" : " errors") + "; nothing was written");
            code = invalid.exitCode();
        } else if (ex instanceof InvalidValueException bad) {
            err.println("error: " + optionName(cmd, bad.input()) + ": " + bad.problem());
            code = bad.exitCode();
        } else if (ex instanceof CalicoGitOpsException known) {
            err.println("error: " + known.getMessage());
            code = known.exitCode();
        } else {
            err.println("internal error: " + ex + " (please report it; run with --stacktrace for details)");
            code = ExitCodes.INTERNAL;
        }
        if (trace) {
            ex.printStackTrace(err);
        }
        err.flush();
        return code;
    }

    /**
     * How this command line spells the input a library names: its option {@code --<input>} when the command has one
     * (the library names inputs as the options are named, without dashes), else the library's name.
     */
    static String optionName(CommandLine cmd, String input) {
        String option = "--" + input;
        return cmd.getCommandSpec().findOption(option) != null ? option : input;
    }

    private static boolean wantsTrace(CommandLine.ParseResult pr) {
        for (CommandLine.ParseResult p = pr; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--stacktrace")) {
                return true;
            }
        }
        return false;
    }
}
