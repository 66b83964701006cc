package io.calicogitops.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The documentation keeps up with the command line: every option {@code --help} shows is named in a page that says it
 * documents that command (a marker line {@code <!-- commands: audit, log verify -->}), the README stays a short
 * front page, and no relative link in the README or {@code docs/} points at a file or heading that is not there.
 */
class DocsCoverOptionsTest {

    private static final Path ROOT = Path.of(System.getProperty("project.root", "..")).toAbsolutePath().normalize();
    private static final Pattern MARKER = Pattern.compile("<!--\\s*commands:\\s*(.*?)\\s*-->");
    private static final Pattern LINK = Pattern.compile("\\[[^\\]]*\\]\\(([^)\\s]+)\\)");
    private static final int README_MAX_LINES = 150;

    @Test
    void everyOptionOfEveryCommand_isNamedInAPageThatDocumentsTheCommand() throws IOException {
        Map<String, List<Path>> pagesByCommand = pagesByCommand();
        Map<String, List<String>> options = new TreeMap<>();
        collect(Main.commandLine(), options);
        assertTrue(options.size() > 15, "only " + options.keySet() + " found under the root command");

        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, List<String>> command : options.entrySet()) {
            List<Path> pages = pagesByCommand.getOrDefault(command.getKey(), List.of());
            if (pages.isEmpty()) {
                missing.add(command.getKey() + ": no page has <!-- commands: " + command.getKey() + " -->");
                continue;
            }
            StringBuilder text = new StringBuilder();
            for (Path page : pages) {
                text.append(Files.readString(page)).append('\n');
            }
            for (String option : command.getValue()) {
                // the whole option: --record must not be found inside --recorder
                Pattern named = Pattern.compile("(?<![\\w-])" + Pattern.quote(option) + "(?![\\w-])");
                if (!named.matcher(text).find()) {
                    missing.add(command.getKey() + ": " + option);
                }
            }
        }
        assertEquals(List.of(), missing, "options --help shows that no page documenting the command names");
    }

    @Test
    void readme_isAShortFrontPage() throws IOException {
        int lines = Files.readAllLines(ROOT.resolve("README.md")).size();
        assertTrue(lines <= README_MAX_LINES, "README.md has " + lines + " lines; move detail into docs/ (at most "
                + README_MAX_LINES + ")");
    }

    @Test
    void everyRelativeLink_pointsAtAFileAndHeadingThatExist() throws IOException {
        List<String> broken = new ArrayList<>();
        for (Path page : pages()) {
            String text = withoutCode(Files.readString(page));
            Matcher m = LINK.matcher(text);
            while (m.find()) {
                String target = m.group(1);
                if (target.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*")) {
                    continue; // https:, mailto: ... : not a file of this repository
                }
                int hash = target.indexOf('#');
                String file = hash < 0 ? target : target.substring(0, hash);
                String anchor = hash < 0 ? null : target.substring(hash + 1);
                Path resolved = file.isEmpty() ? page : page.getParent().resolve(file).normalize();
                String where = ROOT.relativize(page) + ": " + target;
                if (!resolved.startsWith(ROOT) || !Files.exists(resolved)) {
                    broken.add(where + " (no such file)");
                } else if (anchor != null && resolved.toString().endsWith(".md")
                        && !anchors(Files.readString(resolved)).contains(anchor)) {
                    broken.add(where + " (no such heading)");
                }
            }
        }
        assertEquals(List.of(), broken, "relative links that lead nowhere");
    }

    /** Every subcommand, by its full name ("log verify"), with the longest name of each option it shows. */
    private static void collect(CommandLine line, Map<String, List<String>> out) {
        CommandSpec spec = line.getCommandSpec();
        boolean root = spec.parent() == null;
        String name = root ? spec.name() : spec.qualifiedName(" ").substring(spec.root().name().length() + 1);
        List<String> names = new ArrayList<>();
        for (OptionSpec option : spec.options()) {
            // --help, --version and the inherited --stacktrace belong to the root command, documented once
            boolean everywhere = option.usageHelp() || option.versionHelp() || option.inherited();
            if (!option.hidden() && (root || !everywhere)) {
                names.add(option.longestName());
            }
        }
        out.put(name, names);
        for (CommandLine sub : new LinkedHashSet<>(line.getSubcommands().values())) {
            collect(sub, out);
        }
    }

    private static Map<String, List<Path>> pagesByCommand() throws IOException {
        Map<String, List<Path>> byCommand = new TreeMap<>();
        for (Path page : pages()) {
            Matcher m = MARKER.matcher(Files.readString(page));
            while (m.find()) {
                for (String command : m.group(1).split(",")) {
                    byCommand.computeIfAbsent(command.strip().replaceAll("\\s+", " "), k -> new ArrayList<>()).add(page);
                }
            }
        }
        return byCommand;
    }

    private static List<Path> pages() throws IOException {
        List<Path> pages = new ArrayList<>();
        pages.add(ROOT.resolve("README.md"));
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted(Comparator.naturalOrder()).forEach(pages::add);
        }
        assertTrue(pages.size() > 10, "docs/ holds " + (pages.size() - 1) + " pages");
        return pages;
    }

    /** Fenced blocks and inline code are examples, not links or headings. */
    private static String withoutCode(String markdown) {
        StringBuilder out = new StringBuilder();
        boolean fence = false;
        for (String line : markdown.split("\n", -1)) {
            if (line.startsWith("```")) {
                fence = !fence;
                continue;
            }
            if (!fence) {
                out.append(line.replaceAll("`[^`]*`", "")).append('\n');
            }
        }
        return out.toString();
    }

    /** The anchors GitHub gives a page's headings: lower case, punctuation dropped, spaces to '-', repeats numbered. */
    private static Set<String> anchors(String markdown) {
        Set<String> anchors = new LinkedHashSet<>();
        boolean fence = false;
        for (String line : markdown.split("\n")) {
            if (line.startsWith("```")) {
                fence = !fence;
            } else if (!fence && line.matches("^#{1,6} .*")) {
                String slug = line.replaceFirst("^#+ ", "").strip().toLowerCase(Locale.ROOT)
                        .replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
                String unique = slug;
                for (int i = 1; anchors.contains(unique); i++) {
                    unique = slug + "-" + i;
                }
                anchors.add(unique);
            }
        }
        return anchors;
    }
}
