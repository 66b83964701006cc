package io.calicogitops.git;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class UnifiedDiffTest {

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static FileChange added(String path, String text) {
        return new FileChange(path, FileChange.Type.ADDED, null, utf8(text));
    }

    @Test
    void of_addedRemovedAndModifiedFiles_haveGitHeadersWithDevNull() {
        String add = UnifiedDiff.of(added("clusters/a/x.yaml", "one\ntwo\n"));
        String remove = UnifiedDiff.of(new FileChange("clusters/a/x.yaml", FileChange.Type.REMOVED, utf8("one\n"), null));
        String modify = UnifiedDiff.of(new FileChange("clusters/a/x.yaml", FileChange.Type.MODIFIED, utf8("one\ntwo\n"), utf8("one\n2\n")));

        assertEquals("--- /dev/null\n+++ b/clusters/a/x.yaml\n@@ -0,0 +1,2 @@\n+one\n+two\n", add);
        assertEquals("--- a/clusters/a/x.yaml\n+++ /dev/null\n@@ -1 +0,0 @@\n-one\n", remove);
        assertEquals("--- a/clusters/a/x.yaml\n+++ b/clusters/a/x.yaml\n@@ -1,2 +1,2 @@\n one\n-two\n+2\n", modify);
    }

    @Test
    void fileChange_typeLetters_areThoseOfGitStatus() {
        assertArrayEquals(new String[] {"A", "M", "D"},
                Arrays.stream(FileChange.Type.values()).map(FileChange.Type::letter).toArray(String[]::new));
    }
}
