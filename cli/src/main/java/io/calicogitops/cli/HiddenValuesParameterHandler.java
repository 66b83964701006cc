package io.calicogitops.cli;

import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

import java.io.PrintWriter;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Prints usage errors as picocli does (message, did-you-mean suggestions or the usage help, exit 2), but never
 * echoes a value that may be a credential: a mistyped {@code --notify-webhok=https://hooks...} is named as
 * {@code --notify-webhok=<value hidden>}, the argument after an unknown option and any URL are hidden. Command lines
 * end up in CI logs, which are often public; git likewise never prints the password part of a URL it was given.
 */
final class HiddenValuesParameterHandler implements IParameterExceptionHandler {

    static final String HIDDEN = "<value hidden>";
    private static final Pattern URL = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*://[^\\s'\"]+");

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        PrintWriter err = cmd.getErr();
        String message = ex.getMessage();
        if (ex instanceof UnmatchedArgumentException unmatched) {
            message = hideUnmatched(message, unmatched.getUnmatched());
        }
        err.println(cmd.getColorScheme().errorText(hideUrls(message)));
        if (!UnmatchedArgumentException.printSuggestions(ex, err)) {
            cmd.usage(err, cmd.getColorScheme());
        }
        err.flush();
        CommandLine.Model.CommandSpec spec = cmd.getCommandSpec();
        return cmd.getExitCodeExceptionMapper() != null ? cmd.getExitCodeExceptionMapper().getExitCode(ex)
                : spec.exitCodeOnInvalidInput();
    }

    /** picocli's message quotes each unmatched argument as {@code 'arg'}; each is replaced by its shown form. */
    static String hideUnmatched(String message, List<String> unmatched) {
        String out = message;
        boolean afterUnknownOption = false;
        for (String arg : unmatched) {
            String shown;
            if (arg.startsWith("-")) {
                int eq = arg.indexOf('=');
                shown = eq < 0 ? arg : arg.substring(0, eq + 1) + HIDDEN;
                afterUnknownOption = eq < 0;
            } else {
                // The word after an unknown option is most likely that option's value.
                shown = afterUnknownOption || arg.contains("://") || arg.contains("@") ? HIDDEN : arg;
                afterUnknownOption = false;
            }
            if (!shown.equals(arg)) {
                out = out.replace("'" + arg + "'", "'" + shown + "'");
            }
        }
        return out;
    }

    static String hideUrls(String message) {
        return message == null ? "" : URL.matcher(message).replaceAll(Matcher.quoteReplacement(HIDDEN));
    }
}
