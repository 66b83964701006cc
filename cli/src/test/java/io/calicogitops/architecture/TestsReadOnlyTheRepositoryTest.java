package io.calicogitops.architecture;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A fresh clone passes its tests anywhere: no test source, build file or acceptance fixture reaches outside the
 * repository (the {@code shared/} folder that sits beside the CI checkout is not part of a clone). CI replays the
 * upstream acceptance file separately, by property, from {@code .ci/run}.
 */
class TestsReadOnlyTheRepositoryTest {

    private static final Path ROOT = Path.of(System.getProperty("project.root", "..")).toAbsolutePath().normalize();
    /** This file spells the patterns out in its samples, so it is the one source the scan leaves out. */
    private static final String SELF = TestsReadOnlyTheRepositoryTest.class.getSimpleName() + ".java";

    /** How reaching outside the repository looks in source text. */
    private static final List<Pattern> OUTSIDE = List.of(
            Pattern.compile("\\.\\.[/\\\\]+shared\\b"),                          // ../shared/data
            Pattern.compile("\"\\.\\.\"\\s*,\\s*\"shared\\b"),                  // Path.of(root, "..", then "shared")
            Pattern.compile("\\.resolve\\(\\s*\"\\.\\.(?:\"|[/\\\\])"),         // root.resolve("..") or ("../x")
            Pattern.compile("/work/shared\\b"));                                 // the CI machine's absolute path

    @Test
    void testSourcesAndBuildFiles_neverReachOutsideTheRepository() throws IOException {
        List<Path> scanned = scanned();
        List<String> found = new ArrayList<>();
        for (Path file : scanned) {
            List<String> lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                if (outside(lines.get(i))) {
                    found.add(ROOT.relativize(file) + ":" + (i + 1) + ": " + lines.get(i).strip());
                }
            }
        }
        assertTrue(scanned.size() > 100, "only " + scanned.size() + " files scanned under " + ROOT);
        assertEquals(List.of(), found, "tests must read data from the repository (testdata/), not from beside it");
    }

    @Test
    void acceptanceFixture_pathsStayInsideTheRepository() throws IOException {
        Path file = ROOT.resolve("testdata/acceptance/workshop-flows.yaml");
        JsonNode spec = new YAMLMapper().readTree(file.toFile());
        List<String> paths = new ArrayList<>();
        spec.path("workloads").forEach(p -> paths.add(p.asText()));
        spec.path("steps").forEach(step -> step.path("apply").forEach(p -> paths.add(p.asText())));
        List<String> bad = new ArrayList<>();
        for (String p : paths) {
            Path resolved = file.getParent().resolve(p).normalize();
            if (!resolved.startsWith(ROOT) || !Files.isRegularFile(resolved)) {
                bad.add(p + " -> " + resolved);
            }
        }
        assertTrue(paths.size() > 10, "paths read: " + paths);
        assertEquals(List.of(), bad, "acceptance paths are relative to the fixture's folder and stay in the repository");
    }

    @Test
    void outside_recognisesEveryWayOutThatWasUsed_andNotTheRepositoryRoot() {
        for (String line : List.of(
                // Split so that this file holds no such literal itself (simple greps for it stay quiet).
                "Path shared = root.resolve(\"../" + "shared\").normalize();",
                ".resolve(\"../" + "shared/data/real-world-policies\").normalize();",
                "Path.of(System.getProperty(\"project.root\", \".\"), \"..\", \"shared\", \"data\")",
                "root.resolve(\"..\").resolve(\"other-checkout\")",
                "Path.of(\"/work/shared/acceptance/workshop-flows.yaml\")")) {
            assertTrue(outside(line), line);
        }
        for (String line : List.of(
                "Path.of(System.getProperty(\"project.root\", \"..\")).resolve(\"testdata/upstream\")",
                "@ValueSource(strings = {\"../../escape\", \"a/b\", \"..\", \"x\"})",
                "static Path shared;", "repo = shared.resolve(\"repo\");")) {
            assertTrue(!outside(line), line);
        }
    }

    private static boolean outside(String line) {
        return OUTSIDE.stream().anyMatch(p -> p.matcher(line).find());
    }

    /** Test sources of every module and every pom. */
    private static List<Path> scanned() throws IOException {
        List<Path> out = new ArrayList<>();
        out.add(ROOT.resolve("pom.xml"));
        for (String module : ImportBoundariesTest.LAYERS) {
            out.add(ROOT.resolve(module).resolve("pom.xml"));
            try (Stream<Path> files = Files.walk(ROOT.resolve(module).resolve("src/test/java"))) {
                files.filter(f -> f.toString().endsWith(".java") && !f.getFileName().toString().equals(SELF))
                        .sorted().forEach(out::add);
            }
        }
        return out;
    }
}
