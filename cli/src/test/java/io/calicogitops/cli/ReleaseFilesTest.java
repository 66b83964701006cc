package io.calicogitops.cli;

import io.calicogitops.fleet.ReleaseImage;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.calicogitops.cli.CliRun.projectRoot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The release definitions, read as text (no Docker, no network): pinned bases, OCI labels, one image name. */
class ReleaseFilesTest {

    private static String read(String path) throws IOException {
        return Files.readString(projectRoot().resolve(path));
    }

    private static List<String> fromLines(String dockerfile) {
        return dockerfile.lines().filter(l -> l.startsWith("FROM ")).toList();
    }

    @Test
    void dockerfile_pinsEveryBaseImageByDigest() throws IOException {
        List<String> from = fromLines(read("Dockerfile"));

        assertEquals(2, from.size(), "build and runtime stages: " + from);
        for (String line : from) {
            assertTrue(line.matches("FROM [a-z0-9./-]+:[A-Za-z0-9._-]+@sha256:[0-9a-f]{64}( AS [a-z]+)?"), line);
        }
    }

    @Test
    void dockerfile_hidesNoFailedStep() throws IOException {
        String dockerfile = read("Dockerfile");

        assertFalse(Pattern.compile("^(?!#).*\\|\\|\\s*true", Pattern.MULTILINE).matcher(dockerfile).find(), dockerfile);
        assertFalse(Pattern.compile("^RUN .*go-offline", Pattern.MULTILINE).matcher(dockerfile).find(),
                "the step that could not resolve the reactor is gone");
    }

    @Test
    void dockerfile_carriesTheOciLabels_andItsBaseDigest() throws IOException {
        String dockerfile = read("Dockerfile");

        for (String key : List.of("title", "description", "version", "revision", "created", "source", "base.name",
                "base.digest")) {
            assertTrue(dockerfile.contains("org.opencontainers.image." + key + "="), key);
        }
        String runtime = fromLines(dockerfile).get(1);
        Matcher digest = Pattern.compile("org\\.opencontainers\\.image\\.base\\.digest=\"(sha256:[0-9a-f]{64})\"").matcher(dockerfile);
        assertTrue(digest.find());
        assertTrue(runtime.endsWith("@" + digest.group(1)), "the label names the runtime stage's digest: " + runtime);
    }

    @Test
    void releaseWorkflow_publishesTheImageTheGeneratorRendersByDefault() throws IOException {
        String workflow = read(".github/workflows/release.yml");

        Matcher image = Pattern.compile("(?m)^  IMAGE: (\\S+)$").matcher(workflow);
        assertTrue(image.find(), workflow);
        assertEquals(ReleaseImage.REPOSITORY, image.group(1));
        assertTrue(ReleaseImage.defaultImage().startsWith(ReleaseImage.REPOSITORY + ":"), ReleaseImage.defaultImage());
        assertTrue(workflow.contains("tags: ${{ env.IMAGE }}:${{ env.VERSION }}"), "tag = the POM version checked against the Git tag");
        for (String file : List.of("calico-gitops.jar", "calico-gitops.jar.sha256", "calico-gitops.sbom.json")) {
            assertTrue(workflow.contains("cli/target/" + file), file);
        }
    }
}
