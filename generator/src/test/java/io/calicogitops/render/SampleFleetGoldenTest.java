package io.calicogitops.render;

import io.calicogitops.diag.Diagnostic;
import io.calicogitops.testing.Golden;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sample fleet rendered with the built-in packs and overlays, compared file by file with
 * {@code src/test/resources/golden/sample/<cluster>/}. {@code -Dgolden.update=true} rewrites the goldens.
 */
class SampleFleetGoldenTest {

    private static Path goldenDir() {
        return Golden.testResources("generator", "golden/sample");
    }

    static Stream<String> sampleClusters() {
        return SampleFleet.clusters();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sampleClusters")
    void render_sampleCluster_matchesGoldenTree(String cluster) {
        Golden.assertTree(goldenDir().resolve(cluster), SampleFleet.cluster(cluster).files());
    }

    @Test
    void goldenFolders_areExactlyTheSampleClusters() throws IOException {
        List<String> clusters = sampleClusters().sorted().toList();
        if (Golden.updating()) {
            Files.createDirectories(goldenDir());
            deleteFoldersOtherThan(goldenDir(), clusters);
        }
        List<String> folders;
        try (Stream<Path> list = Files.list(goldenDir())) {
            folders = list.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
        }
        assertEquals(clusters, folders, "golden/sample holds one folder per cluster of sample-repo/fleet");
    }

    @Test
    void render_sampleFleet_hasNoWarnings() {
        assertEquals("", SampleFleet.rendered().warnings().stream().map(Diagnostic::format)
                .collect(Collectors.joining("\n")));
    }

    @Test
    void render_sampleFleetTwice_givesIdenticalBytes() {
        Generator.RenderResult first = SampleFleet.rendered();
        Generator.RenderResult again = SampleFleet.render();

        assertEquals(first.clusters().size(), again.clusters().size());
        for (int i = 0; i < again.clusters().size(); i++) {
            ClusterRender a = first.clusters().get(i);
            ClusterRender b = again.clusters().get(i);
            assertEquals(a.files().keySet(), b.files().keySet(), a.folder());
            a.files().forEach((name, bytes) -> assertArrayEquals(bytes, b.files().get(name), a.folder() + "/" + name));
        }
    }

    @Test
    void render_sampleFleet_everyFileIsMarkedGeneratedAndEndsWithOneNewline() {
        for (ClusterRender c : SampleFleet.rendered().clusters()) {
            c.files().forEach((name, bytes) -> {
                String text = new String(bytes, StandardCharsets.UTF_8);
                String where = c.folder() + "/" + name;
                assertTrue(RepoPlan.isGenerated(bytes), where + ": the generated marker on line 1");
                assertTrue(text.endsWith("\n") && !text.endsWith("\n\n"), where + ": one final newline");
                assertFalse(text.contains("\r"), where + ": LF only");
            });
        }
    }

    private static void deleteFoldersOtherThan(Path dir, List<String> keep) throws IOException {
        List<Path> stale;
        try (Stream<Path> list = Files.list(dir)) {
            stale = list.filter(p -> Files.isDirectory(p) && !keep.contains(p.getFileName().toString())).toList();
        }
        for (Path folder : stale) {
            try (Stream<Path> walk = Files.walk(folder)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                    try {
                        Files.delete(p);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
        }
    }
}
