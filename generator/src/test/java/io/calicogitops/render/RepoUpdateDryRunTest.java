package io.calicogitops.render;

import io.calicogitops.git.FileChange;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

import static io.calicogitops.render.RepoFixtures.copySampleFleet;
import static io.calicogitops.render.RepoFixtures.editProfile;
import static io.calicogitops.render.RepoFixtures.git;
import static io.calicogitops.render.RepoFixtures.head;
import static io.calicogitops.render.RepoFixtures.render;
import static io.calicogitops.render.RepoFixtures.sampleRender;
import static io.calicogitops.render.RepoFixtures.workTree;
import static io.calicogitops.render.RepoFixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A dry run reports exactly what the real render then does, and writes nothing, not even the repository folder. */
class RepoUpdateDryRunTest {

    @TempDir
    Path tmp;

    private static RepoUpdate dryRun(Generator.RenderResult rendered, Path repo) {
        return RepoUpdate.write(rendered, repo, true, true, null);
    }

    /** Path to type and both contents, so two change sets compare by value (FileChange holds arrays). */
    private static SortedMap<String, String> byValue(List<FileChange> changes) {
        SortedMap<String, String> out = new TreeMap<>();
        for (FileChange c : changes) {
            out.put(c.path(), c.type().letter() + "\n" + text(c.before()) + "\n=>\n" + text(c.after()));
        }
        return out;
    }

    private static String text(byte[] bytes) {
        return bytes == null ? "<none>" : new String(bytes, StandardCharsets.UTF_8);
    }

    @Test
    void dryRun_absentRepositoryPath_createsNothingAndReportsWhatARealRenderAdds() {
        Path absent = tmp.resolve("not/yet/there");

        RepoUpdate planned = dryRun(sampleRender(), absent);

        assertFalse(Files.exists(tmp.resolve("not")), "a dry run must not create the folder");
        assertEquals(Optional.empty(), planned.commitId());
        RepoUpdate real = write(sampleRender(), tmp.resolve("real"));
        assertEquals(byValue(real.changes()), byValue(planned.changes()));
    }

    @Test
    void dryRun_emptyFolder_staysEmpty() throws Exception {
        Path empty = Files.createDirectories(tmp.resolve("empty"));

        RepoUpdate planned = dryRun(sampleRender(), empty);

        assertEquals(sampleRender().clusters().stream().mapToInt(c -> c.files().size() + c.bootstrapFiles().size()).sum(),
                planned.changes().size());
        assertTrue(planned.changes().stream().allMatch(c -> c.type() == FileChange.Type.ADDED));
        try (var s = Files.list(empty)) {
            assertEquals(0, s.count(), "no .git, no files");
        }
    }

    @Test
    void dryRun_existingRepository_changesNothingAndReportsWhatTheRealRenderThenCommits() throws Exception {
        Path repo = tmp.resolve("repo");
        write(sampleRender(), repo);
        Path fleet = copySampleFleet(tmp.resolve("sample"));
        editProfile(fleet, "eks-dev.yaml", "flowFlushInterval: 15s", "flowFlushInterval: 30s");
        Files.delete(fleet.resolve("eks-minimal.yaml"));
        ObjectId headBefore = head(repo).orElseThrow();
        SortedMap<String, String> before = workTree(repo);

        RepoUpdate planned = dryRun(render(fleet), repo);

        assertEquals(Optional.empty(), planned.commitId());
        assertEquals(headBefore, head(repo).orElseThrow());
        assertEquals(before, workTree(repo));
        try (Git git = git(repo)) {
            assertTrue(git.status().call().isClean());
        }
        int minimalFiles = sampleRender().clusters().stream().filter(c -> c.profile().name().equals("eks-minimal"))
                .findFirst().orElseThrow().files().size();
        assertEquals(1 + minimalFiles, planned.changes().size(), "1 modified in eks-dev, all of eks-minimal removed");

        RepoUpdate real = write(render(fleet), repo);

        assertTrue(real.commitId().isPresent());
        assertEquals(byValue(planned.changes()), byValue(real.changes()));
    }

    @Test
    void dryRun_upToDateRepository_reportsNoChanges() {
        Path repo = tmp.resolve("repo");
        write(sampleRender(), repo);

        RepoUpdate planned = dryRun(sampleRender(), repo);

        assertEquals(List.of(), planned.changes());
        assertEquals(Map.of(), byValue(planned.changes()));
    }
}
