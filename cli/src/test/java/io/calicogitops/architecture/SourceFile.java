package io.calicogitops.architecture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** One main source file of one module, with its package and the project packages it imports. */
record SourceFile(String module, Path path, String text) {

    static final Path ROOT = Path.of(System.getProperty("project.root", "..")).toAbsolutePath().normalize();
    private static final Pattern PACKAGE = Pattern.compile("^package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);
    private static final Pattern IMPORT = Pattern.compile("^import\\s+(?:static\\s+)?(io\\.calicogitops\\.[\\w.*]+)\\s*;",
            Pattern.MULTILINE);
    private static List<SourceFile> all;

    /** The main sources of every module in {@link ImportBoundariesTest#LAYERS}, read once. */
    static synchronized List<SourceFile> all() throws IOException {
        if (all == null) {
            List<SourceFile> out = new ArrayList<>();
            for (String module : ImportBoundariesTest.LAYERS) {
                try (Stream<Path> s = Files.walk(ROOT.resolve(module).resolve("src/main/java"))) {
                    s.filter(p -> p.toString().endsWith(".java")).sorted().forEach(p -> out.add(read(module, p)));
                }
            }
            all = List.copyOf(out);
        }
        return all;
    }

    private static SourceFile read(String module, Path path) {
        try {
            return new SourceFile(module, path, Files.readString(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String relative() {
        return ROOT.relativize(path).toString();
    }

    String pkg() {
        Matcher m = PACKAGE.matcher(text);
        if (!m.find()) {
            throw new IllegalStateException("no package statement in " + path);
        }
        return m.group(1);
    }

    /** The packages named by project imports: a name's package ends before its first capitalised part (the type). */
    Set<String> importedPackages() {
        Set<String> out = new TreeSet<>();
        Matcher m = IMPORT.matcher(text);
        while (m.find()) {
            List<String> parts = new ArrayList<>();
            for (String part : m.group(1).split("\\.")) {
                if (part.equals("*") || Character.isUpperCase(part.charAt(0))) {
                    break;
                }
                parts.add(part);
            }
            out.add(String.join(".", parts));
        }
        out.remove(pkg());
        return out;
    }
}
