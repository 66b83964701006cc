package io.calicogitops.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Golden text files under {@code auditor/src/test/resources/golden/<scenario>/}: the text must match byte for byte;
 * {@code -Dgolden.update=true} rewrites them instead (review the diff before committing).
 */
final class GoldenText {

    private GoldenText() {
    }

    static Path dir(String scenario) {
        return Path.of(System.getProperty("project.root", "..")).toAbsolutePath().normalize()
                .resolve("auditor/src/test/resources/golden").resolve(scenario);
    }

    static void assertMatches(String scenario, String name, String actual) {
        Path file = dir(scenario).resolve(name);
        try {
            if (Boolean.getBoolean("golden.update")) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, actual, StandardCharsets.UTF_8);
                return;
            }
            assertTrue(Files.exists(file), "missing golden file " + file + " (run with -Dgolden.update=true to create it)");
            String expected = Files.readString(file, StandardCharsets.UTF_8);
            if (!expected.equals(actual)) {
                fail("text differs from golden file " + file + " (run with -Dgolden.update=true to accept it):\n"
                        + firstDifference(expected, actual));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first differing line with two lines of context, in unified-diff style. */
    private static String firstDifference(String expected, String actual) {
        List<String> e = expected.lines().toList();
        List<String> a = actual.lines().toList();
        int i = 0;
        while (i < e.size() && i < a.size() && e.get(i).equals(a.get(i))) {
            i++;
        }
        StringBuilder b = new StringBuilder("@@ line " + (i + 1) + " @@\n");
        for (int k = Math.max(0, i - 2); k < i; k++) {
            b.append("  ").append(e.get(k)).append('\n');
        }
        for (int k = i; k < Math.min(e.size(), i + 3); k++) {
            b.append("- ").append(e.get(k)).append('\n');
        }
        for (int k = i; k < Math.min(a.size(), i + 3); k++) {
            b.append("+ ").append(a.get(k)).append('\n');
        }
        return b.toString();
    }
}
