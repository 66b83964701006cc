package io.calicogitops.testing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The golden comparison itself (trees and single files): what a failing golden test shows. */
class GoldenTest {

    @TempDir
    Path dir;

    private static SortedMap<String, byte[]> tree(String... nameAndText) {
        SortedMap<String, byte[]> m = new TreeMap<>();
        for (int i = 0; i < nameAndText.length; i += 2) {
            m.put(nameAndText[i], nameAndText[i + 1].getBytes(StandardCharsets.UTF_8));
        }
        return m;
    }

    @Test
    void compare_sameFiles_isEmpty() throws IOException {
        Files.writeString(dir.resolve("a.yaml"), "a: 1\n");
        Files.createDirectories(dir.resolve("sub"));
        Files.writeString(dir.resolve("sub/b.yaml"), "b: 2\n");

        assertEquals(Optional.empty(), Golden.compare(dir, tree("a.yaml", "a: 1\n", "sub/b.yaml", "b: 2\n")));
    }

    @Test
    void compare_differences_listMissingExtraChangedAndDiffTheFirstChangedFile() throws IOException {
        Files.writeString(dir.resolve("gone.yaml"), "x: 1\n");
        Files.writeString(dir.resolve("tier.yaml"), "kind: Tier\nspec:\n  order: 400\n");

        String report = Golden.compare(dir, tree("tier.yaml", "kind: Tier\nspec:\n  order: 500\n", "new.yaml", "y: 2\n"))
                .orElseThrow();

        assertEquals("rendered tree differs from golden folder " + dir + "\n"
                + "  missing (golden, not rendered): gone.yaml\n"
                + "  extra (rendered, not golden): new.yaml\n"
                + "  changed: tier.yaml\n"
                + "first difference (golden -> rendered):\n"
                + "--- a/tier.yaml\n+++ b/tier.yaml\n"
                + "@@ -1,3 +1,3 @@\n kind: Tier\n spec:\n-  order: 400\n+  order: 500\n", report);
    }

    @Test
    void compare_onlyAnExtraFile_showsItAsAdded() {
        String report = Golden.compare(dir, tree("new.yaml", "y: 2\n")).orElseThrow();

        assertEquals("rendered tree differs from golden folder " + dir + "\n"
                + "  extra (rendered, not golden): new.yaml\n"
                + "first difference (golden -> rendered):\n"
                + "--- /dev/null\n+++ b/new.yaml\n@@ -0,0 +1 @@\n+y: 2\n", report);
    }

    @Test
    void assertText_sameBytes_passes() throws IOException {
        Files.writeString(dir.resolve("a.txt"), "a\nb\n");

        Golden.assertText(dir.resolve("a.txt"), "a\nb\n");
    }

    @Test
    void assertText_onlyTheFinalNewlineDiffers_failsWithAUnifiedDiff() throws IOException {
        Files.writeString(dir.resolve("a.txt"), "a\nb\n");

        AssertionFailedError e = assertThrows(AssertionFailedError.class, () -> Golden.assertText(dir.resolve("a.txt"), "a\nb"));

        assertTrue(e.getMessage().startsWith("golden file " + dir.resolve("a.txt") + " differs (golden -> actual):\n"
                + "--- a/a.txt\n+++ b/a.txt\n@@ -1,2 +1,2 @@\n a\n-b\n+b\n\\ No newline at end of file\n"), e.getMessage());
    }

    @Test
    void assertText_missingFile_failsNamingTheUpdateSwitch() {
        AssertionFailedError e = assertThrows(AssertionFailedError.class, () -> Golden.assertText(dir.resolve("none.txt"), "x"));

        assertTrue(e.getMessage().contains("-Dgolden.update=true"), e.getMessage());
    }
}
