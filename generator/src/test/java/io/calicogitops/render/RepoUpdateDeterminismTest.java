package io.calicogitops.render;

import io.calicogitops.git.FileChange;
import org.eclipse.jgit.lib.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;

import static io.calicogitops.render.RepoFixtures.commitCount;
import static io.calicogitops.render.RepoFixtures.fullMessage;
import static io.calicogitops.render.RepoFixtures.head;
import static io.calicogitops.render.RepoFixtures.headFiles;
import static io.calicogitops.render.RepoFixtures.headTree;
import static io.calicogitops.render.RepoFixtures.render;
import static io.calicogitops.render.RepoFixtures.sampleFleet;
import static io.calicogitops.render.RepoFixtures.sampleRender;
import static io.calicogitops.render.RepoFixtures.workTree;
import static io.calicogitops.render.RepoFixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Rendering the sample fleet into real JGit repositories: one commit, then none; identical trees everywhere. */
class RepoUpdateDeterminismTest {

    private static final List<String> SAMPLE_CLUSTERS = List.of("aks-dev", "aks-prod", "eks-dev", "eks-minimal", "eks-prod");

    @TempDir
    Path tmp;

    private static int fileCount(Generator.RenderResult r) {
        return r.clusters().stream().mapToInt(c -> c.files().size() + c.bootstrapFiles().size()).sum();
    }

    @Test
    void write_sampleFleetIntoNewRepository_addsEveryFileInOneCommit() {
        Path repo = tmp.resolve("repo");
        Generator.RenderResult rendered = sampleRender();

        RepoUpdate update = write(rendered, repo);

        assertEquals(SAMPLE_CLUSTERS, rendered.clusters().stream().map(c -> c.profile().name()).toList());
        assertEquals(Optional.of(head(repo).orElseThrow().name()), update.commitId());
        assertEquals(1, commitCount(repo));
        assertEquals(fileCount(rendered), update.changes().size());
        assertTrue(update.changes().stream().allMatch(c -> c.type() == FileChange.Type.ADDED));
        SortedMap<String, String> committed = headFiles(repo);
        for (ClusterRender c : rendered.clusters()) {
            assertTrue(c.files().containsKey("kustomization.yaml"), c.folder());
            assertTrue(c.files().containsKey("README.md"), c.folder());
            c.files().forEach((name, bytes) -> assertEquals(new String(bytes, StandardCharsets.UTF_8),
                    committed.get(c.folder() + "/" + name), c.folder() + "/" + name));
        }
        assertEquals(fileCount(rendered), committed.size());
        assertEquals(headFiles(repo), workTree(repo), "work tree and HEAD hold the same files");
    }

    @Test
    void write_sameInputTwice_secondMakesNoCommitAndLeavesBytesIdentical() {
        Path repo = tmp.resolve("repo");
        write(sampleRender(), repo);
        ObjectId firstHead = head(repo).orElseThrow();
        ObjectId firstTree = headTree(repo);
        SortedMap<String, String> firstFiles = workTree(repo);

        RepoUpdate second = write(render(sampleFleet()), repo);

        assertEquals(List.of(), second.changes());
        assertEquals(Optional.empty(), second.commitId());
        assertEquals(firstHead, head(repo).orElseThrow());
        assertEquals(1, commitCount(repo));
        assertEquals(firstTree, headTree(repo));
        assertEquals(firstFiles, workTree(repo));
    }

    @Test
    void write_sameInputIntoTwoFreshRepositories_givesIdenticalTreeIds() {
        Path one = tmp.resolve("one");
        Path two = tmp.resolve("two");

        write(sampleRender(), one);
        write(render(sampleFleet()), two);

        // git rev-parse HEAD^{tree}: same bytes, names and modes; the commits differ only by time.
        assertEquals(headTree(one), headTree(two));
        assertEquals(workTree(one), workTree(two));
    }

    @Test
    void write_renderedFiles_areLfTerminatedWithoutTimestampsAndStartWithTheMarker() {
        for (ClusterRender c : sampleRender().clusters()) {
            c.files().forEach((name, bytes) -> {
                String text = new String(bytes, StandardCharsets.UTF_8);
                String where = c.folder() + "/" + name;
                assertTrue(text.endsWith("\n") && !text.endsWith("\n\n"), where + ": one final newline");
                assertFalse(text.contains("\r"), where + ": LF only");
                assertTrue(RepoPlan.isGenerated(bytes), where + ": marker on the first line");
                assertFalse(text.matches("(?s).*\\b20\\d\\d-\\d\\d-\\d\\dT\\d\\d:.*"), where + ": no timestamp");
            });
        }
    }

    @Test
    void message_firstRender_namesEveryClusterAndResourceWithCounts() {
        Path repo = tmp.resolve("repo");
        Generator.RenderResult rendered = sampleRender();

        write(rendered, repo);
        String message = fullMessage(repo, head(repo).orElseThrow());

        List<String> lines = message.lines().toList();
        assertEquals("render " + String.join(", ", SAMPLE_CLUSTERS), lines.get(0));
        assertEquals("", lines.get(1));
        assertEquals(fileCount(rendered) + " added, 0 changed, 0 removed.", lines.get(2));
        for (String cluster : SAMPLE_CLUSTERS) {
            assertTrue(lines.contains(cluster + ":"), "cluster heading " + cluster);
        }
        assertEquals(fileCount(rendered), lines.stream().filter(l -> l.startsWith("  A ")).count());
        int eksDev = lines.indexOf("eks-dev:");
        List<String> eksDevLines = lines.subList(eksDev + 1, lines.indexOf("eks-minimal:") - 1);
        assertTrue(eksDevLines.contains("  A README.md"), eksDevLines.toString());
        assertTrue(eksDevLines.contains("  A kustomization.yaml"), eksDevLines.toString());
        assertTrue(eksDevLines.contains("  A tier security"), eksDevLines.toString());
        assertTrue(eksDevLines.contains("  A globalnetworkpolicy security.pci-whitelist"), eksDevLines.toString());
        assertTrue(eksDevLines.contains("  A stagedglobalnetworkpolicy default-deny"), eksDevLines.toString());
        assertEquals(rendered.clusters().stream().filter(c -> c.profile().name().equals("eks-dev")).findFirst().orElseThrow()
                .files().size(), eksDevLines.size());
    }

    @Test
    void message_userSubject_replacesTheDefaultSubjectButKeepsTheResourceList() {
        Path repo = tmp.resolve("repo");

        Generator.RenderResult minimal = render(sampleFleet(), "eks-minimal");
        RepoUpdate.write(minimal, repo, false, false, "  bootstrap eks-minimal \n");
        String message = fullMessage(repo, head(repo).orElseThrow());

        assertTrue(message.startsWith("bootstrap eks-minimal\n\n" + fileCount(minimal)
                + " added, 0 changed, 0 removed.\n\neks-minimal:\n  A README.md\n"), message);
    }
}
