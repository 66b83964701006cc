package io.calicogitops.architecture;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The other {@code *Command} classes one command's source reaches into ({@code OtherCommand.member}). A class literal
 * ({@code OtherCommand.class}) is allowed: picocli registers subcommands by it, in the root command and in
 * {@code @Command(subcommands = ...)}. Comments are skipped, so Javadoc may still name another command.
 */
final class CommandReferences {

    private static final Pattern COMMENT = Pattern.compile("//[^\\n]*|/\\*.*?\\*/", Pattern.DOTALL);
    private static final Pattern MEMBER = Pattern.compile("\\b([A-Z][A-Za-z0-9]*Command)\\s*\\.\\s*(?!class\\b)([A-Za-z_]\\w*)");

    private CommandReferences() {
    }

    /** Each {@code OtherCommand.member} in the source of the command named {@code self}, in source order. */
    static List<String> of(String self, String source) {
        Matcher m = MEMBER.matcher(COMMENT.matcher(source).replaceAll(" "));
        return m.results().filter(r -> !r.group(1).equals(self)).map(r -> r.group(1) + "." + r.group(2)).toList();
    }
}
