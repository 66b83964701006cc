package io.calicogitops.cli;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A fish completion script from the command tree (picocli generates bash and zsh only). */
final class FishCompletion {

    private FishCompletion() {
    }

    static String script(String program, CommandLine root) {
        StringBuilder b = new StringBuilder("# fish completion for " + program + " (calico-gitops completion fish)\n");
        b.append("complete -c ").append(program).append(" -f\n");
        walk(program, root, List.of(), b);
        return b.toString();
    }

    private static void walk(String program, CommandLine line, List<String> path, StringBuilder b) {
        Map<String, CommandLine> subs = line.getSubcommands();
        String here = condition(path, subs.keySet());
        for (Map.Entry<String, CommandLine> e : subs.entrySet()) {
            b.append("complete -c ").append(program).append(" -n '").append(here).append("' -a ").append(e.getKey())
                    .append(" -d ").append(quote(first(e.getValue().getCommandSpec()))).append('\n');
        }
        if (!path.isEmpty()) {
            String inside = condition(path, List.of());
            for (OptionSpec o : line.getCommandSpec().options()) {
                if (o.hidden()) {
                    continue;
                }
                b.append("complete -c ").append(program).append(" -n '").append(inside).append("'");
                for (String name : o.names()) {
                    b.append(name.startsWith("--") ? " -l " + name.substring(2) : " -s " + name.substring(1));
                }
                if (o.arity().max() > 0) {
                    b.append(" -r");
                    List<String> candidates = new ArrayList<>();
                    if (o.completionCandidates() != null) {
                        o.completionCandidates().forEach(candidates::add);
                    }
                    b.append(candidates.isEmpty() ? " -F" : " -a " + quote(String.join(" ", candidates)));
                }
                String[] description = o.description();
                if (description.length > 0) {
                    b.append(" -d ").append(quote(description[0]));
                }
                b.append('\n');
            }
        }
        for (Map.Entry<String, CommandLine> e : subs.entrySet()) {
            List<String> deeper = new ArrayList<>(path);
            deeper.add(e.getKey());
            walk(program, e.getValue(), deeper, b);
        }
    }

    /** Fish's test for "the words typed so far are this path" (and, for listing subcommands, none of them yet). */
    private static String condition(List<String> path, java.util.Collection<String> notYet) {
        List<String> parts = new ArrayList<>();
        if (path.isEmpty()) {
            parts.add("__fish_use_subcommand");
        }
        for (String p : path) {
            parts.add("__fish_seen_subcommand_from " + p);
        }
        if (!path.isEmpty() && !notYet.isEmpty()) {
            parts.add("not __fish_seen_subcommand_from " + String.join(" ", notYet));
        }
        return String.join("; and ", parts);
    }

    private static String first(CommandSpec spec) {
        String[] d = spec.usageMessage().description();
        if (d.length == 0) {
            return "";
        }
        String s = d[0];
        int stop = s.indexOf(". ");
        return stop > 0 ? s.substring(0, stop) : s;
    }

    /** A single-quoted fish word: fish single quotes escape only \ and '. */
    static String quote(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
