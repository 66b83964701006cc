package io.calicogitops.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.calicogitops.diag.Diagnostic;
import io.calicogitops.diag.InvalidInputException;
import io.calicogitops.testing.Golden;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The render memo (parse, validation and YAML writing shared between clusters) changes nothing: a fleet whose
 * clusters repeat renders to the same files, and bad input to the same diagnostics, all of them, as rendering every
 * cluster from scratch.
 */
class RenderMemoTest {

    private static final int COPIES = 3;

    @Test
    void render_repeatedSampleFleet_sameBytesWithAndWithoutMemo(@TempDir Path tmp) throws IOException {
        Path fleet = tmp.resolve("fleet");
        Files.createDirectories(fleet);
        try (Stream<Path> profiles = Files.list(SampleFleet.fleetDir())) {
            for (Path p : profiles.sorted().toList()) {
                // Workloads are named relative to the profile: make them absolute so the copy reads the same ones.
                String text = Files.readString(p).replaceFirst("(?m)^workloads: \\S+",
                        "workloads: " + Golden.projectRoot().resolve("sample-repo/workloads").toString().replace('\\', '/'));
                replicate(fleet, p.getFileName().toString(), text);
            }
        }

        Generator.RenderResult shared = render(fleet, true);
        Generator.RenderResult alone = render(fleet, false);

        assertEquals(5 * (COPIES + 1), shared.clusters().size());
        assertEquals(folders(alone), folders(shared));
        for (int i = 0; i < shared.clusters().size(); i++) {
            Map<String, byte[]> a = alone.clusters().get(i).files();
            Map<String, byte[]> s = shared.clusters().get(i).files();
            assertEquals(List.copyOf(a.keySet()), List.copyOf(s.keySet()), shared.clusters().get(i).folder());
            for (String name : a.keySet()) {
                assertArrayEquals(a.get(name), s.get(name), shared.clusters().get(i).folder() + "/" + name);
            }
        }
        assertEquals(alone.warnings(), shared.warnings());
        // Not vacuous: a resource file two clusters share is the very same array with the memo, and two without.
        String name = sameResourceFile(alone.clusters().get(0), alone.clusters().get(1));
        assertSame(shared.clusters().get(0).files().get(name), shared.clusters().get(1).files().get(name));
        assertNotSame(alone.clusters().get(0).files().get(name), alone.clusters().get(1).files().get(name));
    }

    static Stream<String> cases() throws IOException {
        return DiagnosticsGoldenTest.cases();
    }

    /** Every bad-input golden case, its profiles repeated under new names so the memo is hit by invalid input. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void render_repeatedBadInput_sameDiagnosticsWithAndWithoutMemo(String name, @TempDir Path tmp) throws IOException {
        Path from = Golden.testResources("generator", "diagnostics").resolve(name);
        copyTree(from, tmp);
        Path fleet = tmp.resolve("fleet");
        try (Stream<Path> profiles = Files.list(from.resolve("fleet"))) {
            for (Path p : profiles.filter(Files::isRegularFile).sorted().toList()) {
                replicate(fleet, p.getFileName().toString(), Files.readString(p));
            }
        }

        String alone = diagnostics(tmp, false);
        String shared = diagnostics(tmp, true);

        assertTrue(alone.contains(": error: "), alone);
        assertEquals(alone, shared);
    }

    /** Writes {@code text} as {@code fileName} and as {@link #COPIES} more profiles named {@code <name>-copy<i>}. */
    private static void replicate(Path fleet, String fileName, String text) throws IOException {
        Files.writeString(fleet.resolve(fileName), text);
        String stem = fileName.substring(0, fileName.lastIndexOf('.'));
        for (int i = 1; i <= COPIES; i++) {
            String copy = text.replaceFirst("(?m)^name: *([^\\s#]+)", "name: $1-copy" + i);
            Files.writeString(fleet.resolve(stem + "-copy" + i + fileName.substring(stem.length())), copy);
        }
    }

    private static Generator.RenderResult render(Path fleet, boolean memo) {
        return new Generator(2, memo).render(new Generator.RenderRequest(fleet, Optional.empty(), Optional.empty(),
                List.of(), Path::toString));
    }

    private static String diagnostics(Path dir, boolean memo) {
        Optional<Path> templates = Optional.of(dir.resolve("templates")).filter(Files::isDirectory);
        Optional<Path> overlays = Optional.of(dir.resolve("overlays")).filter(Files::isDirectory);
        Generator.RenderRequest request = new Generator.RenderRequest(dir.resolve("fleet"), templates, overlays,
                List.of(), p -> dir.relativize(p.toAbsolutePath().normalize()).toString().replace('\\', '/'));
        try {
            Generator.RenderResult r = new Generator(2, memo).render(request);
            return "rendered " + r.clusters().size() + " clusters";
        } catch (InvalidInputException e) {
            return e.diagnostics().stream().map(Diagnostic::format).collect(Collectors.joining("\n"));
        }
    }

    private static List<String> folders(Generator.RenderResult r) {
        return r.clusters().stream().map(ClusterRender::folder).toList();
    }

    /** The first resource file (not kustomization.yaml) with the same bytes in both clusters. */
    private static String sameResourceFile(ClusterRender a, ClusterRender b) {
        Map<String, byte[]> files = new TreeMap<>(a.files());
        return files.keySet().stream()
                .filter(n -> new String(files.get(n), StandardCharsets.UTF_8).startsWith(ClusterLayout.MARKER))
                .filter(n -> java.util.Arrays.equals(files.get(n), b.files().get(n)))
                .findFirst().orElseThrow();
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : all.sorted().toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
