package io.calicogitops.testing;

import io.calicogitops.git.FileChange;
import io.calicogitops.git.UnifiedDiff;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The one golden-file helper of every module (shared through core's test-jar): a whole tree (missing files, extra
 * files and a unified diff of the first mismatch are reported) or one text file, compared byte for byte.
 * {@code -Dgolden.update=true} rewrites the golden files instead (Maven passes {@code -D} user properties on to
 * surefire's forked JVM); review the resulting {@code git diff} before committing it.
 */
public final class Golden {

    public static final String UPDATE_PROPERTY = "golden.update";

    private Golden() {
    }

    public static boolean updating() {
        return Boolean.getBoolean(UPDATE_PROPERTY);
    }

    /** The repository root: the {@code project.root} system property that surefire sets, else the parent folder. */
    public static Path projectRoot() {
        Path root = Path.of(System.getProperty("project.root", "..")).toAbsolutePath().normalize();
        assertTrue(Files.isDirectory(root.resolve("sample-repo")), "project.root does not look like the repository: " + root);
        return root;
    }

    /** A folder of a module's test resources in the source tree (so that updates land where Git sees them). */
    public static Path testResources(String module, String relative) {
        return projectRoot().resolve(module).resolve("src/test/resources").resolve(relative);
    }

    /** Fails unless {@code dir} holds exactly {@code actual} (relative path with '/' to bytes); rewrites it when updating. */
    public static void assertTree(Path dir, SortedMap<String, byte[]> actual) {
        if (updating()) {
            writeTree(dir, actual);
            return;
        }
        if (!Files.isDirectory(dir)) {
            fail("golden folder " + dir + " does not exist; create it with -D" + UPDATE_PROPERTY + "=true and review it");
        }
        compare(dir, actual).ifPresent(report -> fail(report + "\nIf the change is intended, run with -D"
                + UPDATE_PROPERTY + "=true and review the diff."));
    }

    /** Fails unless {@code file} holds exactly the UTF-8 bytes of {@code actual}; rewrites it when updating. */
    public static void assertText(Path file, String actual) {
        byte[] got = actual.getBytes(StandardCharsets.UTF_8);
        if (updating()) {
            write(file, got);
            return;
        }
        if (!Files.isRegularFile(file)) {
            fail("golden file " + file + " does not exist; create it with -D" + UPDATE_PROPERTY + "=true and review it");
        }
        byte[] expected = read(file);
        if (!Arrays.equals(expected, got)) {
            fail("golden file " + file + " differs (golden -> actual):\n"
                    + UnifiedDiff.of(new FileChange(file.getFileName().toString(), FileChange.Type.MODIFIED, expected, got))
                    + "If the change is intended, run with -D" + UPDATE_PROPERTY + "=true and review the diff.");
        }
    }

    /** A report of how {@code actual} differs from the files under {@code dir}, or empty when they are the same. */
    public static Optional<String> compare(Path dir, SortedMap<String, byte[]> actual) {
        SortedMap<String, byte[]> expected = readTree(dir);
        List<String> missing = expected.keySet().stream().filter(k -> !actual.containsKey(k)).toList();
        List<String> extra = actual.keySet().stream().filter(k -> !expected.containsKey(k)).toList();
        List<String> changed = expected.keySet().stream()
                .filter(k -> actual.containsKey(k) && !Arrays.equals(expected.get(k), actual.get(k))).toList();
        if (missing.isEmpty() && extra.isEmpty() && changed.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder b = new StringBuilder("rendered tree differs from golden folder " + dir + "\n");
        if (!missing.isEmpty()) {
            b.append("  missing (golden, not rendered): ").append(String.join(", ", missing)).append('\n');
        }
        if (!extra.isEmpty()) {
            b.append("  extra (rendered, not golden): ").append(String.join(", ", extra)).append('\n');
        }
        if (!changed.isEmpty()) {
            b.append("  changed: ").append(String.join(", ", changed)).append('\n');
        }
        FileChange first;
        if (!changed.isEmpty()) {
            String p = changed.get(0);
            first = new FileChange(p, FileChange.Type.MODIFIED, expected.get(p), actual.get(p));
        } else if (!extra.isEmpty()) {
            first = new FileChange(extra.get(0), FileChange.Type.ADDED, null, actual.get(extra.get(0)));
        } else {
            first = new FileChange(missing.get(0), FileChange.Type.REMOVED, expected.get(missing.get(0)), null);
        }
        b.append("first difference (golden -> rendered):\n").append(UnifiedDiff.of(first));
        return Optional.of(b.toString());
    }

    /** Every regular file under {@code dir}, keyed by its path relative to {@code dir} with '/' separators. */
    public static SortedMap<String, byte[]> readTree(Path dir) {
        SortedMap<String, byte[]> files = new TreeMap<>();
        if (!Files.isDirectory(dir)) {
            return files;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                files.put(dir.relativize(p).toString().replace('\\', '/'), read(p));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("read golden folder " + dir, e);
        }
        return files;
    }

    private static void writeTree(Path dir, Map<String, byte[]> files) {
        try {
            if (Files.isDirectory(dir)) {
                List<Path> stale = new ArrayList<>();
                try (Stream<Path> walk = Files.walk(dir)) {
                    walk.sorted(Comparator.reverseOrder()).filter(p -> !p.equals(dir)).forEach(stale::add);
                }
                for (Path p : stale) {
                    Files.delete(p);
                }
            }
            for (Map.Entry<String, byte[]> e : files.entrySet()) {
                write(dir.resolve(e.getKey()), e.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("rewrite golden folder " + dir, e);
        }
    }

    private static void write(Path file, byte[] bytes) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("write golden file " + file, e);
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("read golden file " + file, e);
        }
    }
}
