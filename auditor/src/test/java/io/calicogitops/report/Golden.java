package io.calicogitops.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Golden files under {@code src/test/resources/golden/report/}: the output must match byte for byte;
 * {@code -Dgolden.update=true} rewrites them instead (review the diff before committing).
 */
final class Golden {

    private static final Path DIR = Path.of(System.getProperty("project.root", ".."))
            .resolve("auditor/src/test/resources/golden/report");

    private Golden() {
    }

    static void assertMatches(String name, String actual) throws IOException {
        Path file = DIR.resolve(name);
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, actual, StandardCharsets.UTF_8);
            return;
        }
        assertTrue(Files.exists(file), "missing golden file " + file + " (run with -Dgolden.update=true to create it)");
        String expected = Files.readString(file, StandardCharsets.UTF_8);
        if (!expected.equals(actual)) {
            fail("output differs from golden file " + file + " (run with -Dgolden.update=true to accept it):\n"
                    + firstDifference(expected, actual));
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
        if (i == e.size() && i == a.size()) {
            b.append("(only line ends or the final newline differ)\n");
        }
        return b.toString();
    }
}
