package io.calicogitops.render;

import io.calicogitops.diag.ExitCodes;
import io.calicogitops.diag.GitAccessException;
import io.calicogitops.diag.InvalidInputException;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.Status;
import org.eclipse.jgit.lib.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;

import static io.calicogitops.render.RepoFixtures.commitCount;
import static io.calicogitops.render.RepoFixtures.commitUserFile;
import static io.calicogitops.render.RepoFixtures.copySampleFleet;
import static io.calicogitops.render.RepoFixtures.editProfile;
import static io.calicogitops.render.RepoFixtures.git;
import static io.calicogitops.render.RepoFixtures.head;
import static io.calicogitops.render.RepoFixtures.read;
import static io.calicogitops.render.RepoFixtures.render;
import static io.calicogitops.render.RepoFixtures.sampleRender;
import static io.calicogitops.render.RepoFixtures.workTree;
import static io.calicogitops.render.RepoFixtures.write;
import static io.calicogitops.render.RepoFixtures.writeFile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** When a render must refuse: the user's work is at stake or the input is invalid. Refusing writes nothing. */
class RepoUpdateRefusalsTest {

    private static final String TIER = "clusters/eks-dev/calico/tier-security.yaml";

    @TempDir
    Path tmp;

    private Path renderedRepo() {
        Path repo = tmp.resolve("repo");
        write(sampleRender(), repo);
        return repo;
    }

    @Test
    void write_userFileWithTheNameOfAGeneratedFile_refusesAndWritesNothing() throws Exception {
        Path repo = tmp.resolve("repo");
        RepoUpdate.write(render(RepoFixtures.sampleFleet(), "eks-minimal"), repo, false, false, null);
        commitUserFile(repo, "clusters/eks-dev/calico/kustomization.yaml", "resources: [mine.yaml]\n");
        ObjectId headBefore = head(repo).orElseThrow();
        SortedMap<String, String> before = workTree(repo);

        GitAccessException e = assertThrows(GitAccessException.class, () -> write(sampleRender(), repo));

        assertEquals(ExitCodes.ACCESS, e.exitCode());
        assertEquals("refusing to overwrite files that calico-gitops did not generate: clusters/eks-dev/calico/kustomization.yaml"
                + " (move them out of the cluster folder)", e.getMessage());
        assertEquals(headBefore, head(repo).orElseThrow());
        assertEquals(before, workTree(repo), "no other cluster was written either");
        assertFalse(Files.exists(repo.resolve("clusters/aks-dev")));
    }

    @Test
    void write_uncommittedEditOfAGeneratedFile_refusesAndKeepsTheEdit() throws Exception {
        Path repo = renderedRepo();
        String edited = read(repo.resolve(TIER)) + "# hot fix, not committed yet\n";
        writeFile(repo.resolve(TIER), edited);
        ObjectId headBefore = head(repo).orElseThrow();

        GitAccessException e = assertThrows(GitAccessException.class, () -> write(sampleRender(), repo));

        assertEquals(ExitCodes.ACCESS, e.exitCode());
        assertEquals("generated files have uncommitted edits: " + TIER
                + " (commit or discard them first: a render would overwrite them)", e.getMessage());
        assertEquals(edited, read(repo.resolve(TIER)));
        assertEquals(headBefore, head(repo).orElseThrow());
        try (Git git = git(repo)) {
            assertEquals(Set.of(TIER), git.status().call().getModified());
        }
    }

    @Test
    void write_uncommittedEditOfAFileTheRenderWouldRemove_refusesAndKeepsIt() throws Exception {
        Path repo = renderedRepo();
        Path fleet = copySampleFleet(tmp.resolve("sample"));
        Files.delete(fleet.resolve("eks-minimal.yaml"));
        String file = "clusters/eks-minimal/calico/tier-security.yaml";
        String edited = read(repo.resolve(file)) + "# edited\n";
        writeFile(repo.resolve(file), edited);

        GitAccessException e = assertThrows(GitAccessException.class, () -> write(render(fleet), repo));

        assertTrue(e.getMessage().startsWith("generated files have uncommitted edits: " + file), e.getMessage());
        assertEquals(edited, read(repo.resolve(file)));
        assertEquals(1, commitCount(repo));
    }

    @Test
    void write_unrelatedChangesStagedInTheIndex_refusesAndLeavesThemStaged() throws Exception {
        Path repo = renderedRepo();
        writeFile(repo.resolve("docs/plan.md"), "# next quarter\n");
        try (Git git = git(repo)) {
            git.add().addFilepattern("docs/plan.md").call();
        }
        Path fleet = copySampleFleet(tmp.resolve("sample"));
        editProfile(fleet, "eks-dev.yaml", "flowFlushInterval: 15s", "flowFlushInterval: 30s");
        ObjectId headBefore = head(repo).orElseThrow();
        SortedMap<String, String> before = workTree(repo);

        GitAccessException e = assertThrows(GitAccessException.class, () -> write(render(fleet), repo));

        assertEquals(ExitCodes.ACCESS, e.exitCode());
        assertTrue(e.getMessage().startsWith("the index holds staged changes outside the generated files: docs/plan.md"),
                e.getMessage());
        assertEquals(headBefore, head(repo).orElseThrow());
        assertEquals(before, workTree(repo));
        try (Git git = git(repo)) {
            Status status = git.status().call();
            assertEquals(Set.of("docs/plan.md"), status.getAdded());
            assertEquals(Set.of(), status.getModified());
        }
    }

    @Test
    void write_intoNonEmptyFolderThatIsNoRepository_refusesWithNotARepository() {
        Path folder = tmp.resolve("notes");
        writeFile(folder.resolve("todo.txt"), "buy milk\n");

        GitAccessException e = assertThrows(GitAccessException.class, () -> write(sampleRender(), folder));

        assertTrue(e.getMessage().startsWith("not a Git repository: " + folder), e.getMessage());
        assertEquals(Map.of("todo.txt", "buy milk\n"), workTree(folder));
        assertFalse(Files.exists(folder.resolve(".git")));
    }

    @Test
    void render_invalidFleet_throwsInvalidInputAndTheRepositoryIsUntouched() {
        Path repo = renderedRepo();
        Path fleet = copySampleFleet(tmp.resolve("sample"));
        editProfile(fleet, "eks-dev.yaml", "flowFlushInterval: 15s", "flowFlushInterval: 30s");
        editProfile(fleet, "eks-prod.yaml", "workloadSelector: app == \"emailservice\"", "workloadSelector: app = \"emailservice\"");
        writeFile(fleet.resolve("gke-new.yaml"), "name: gke-new\nprovider: GKE\ncni: calico\n");
        ObjectId headBefore = head(repo).orElseThrow();
        SortedMap<String, String> before = workTree(repo);

        InvalidInputException e = assertThrows(InvalidInputException.class, () -> write(render(fleet), repo));

        assertEquals(ExitCodes.INVALID_INPUT, e.exitCode());
        assertTrue(e.diagnostics().size() >= 2, "every problem is collected: " + e.diagnostics());
        assertTrue(e.diagnostics().stream().anyMatch(d -> d.location().toString().contains("eks-prod.yaml")), e.getMessage());
        assertTrue(e.diagnostics().stream().anyMatch(d -> d.location().toString().contains("gke-new.yaml")), e.getMessage());
        assertEquals(headBefore, head(repo).orElseThrow());
        assertEquals(before, workTree(repo));
        assertEquals(1, commitCount(repo));
    }

    @Test
    void plan_noChange_makesNoStatusWalk_andAChangeMakesOne() throws Exception {
        // A status walk reads the whole index and hashes work-tree files; one per cluster folder made a re-render of
        // 2,000 unchanged clusters six times slower than their first render. Only files the render changes are asked.
        Path repo = renderedRepo();
        try (io.calicogitops.git.GitRepo git = io.calicogitops.git.GitRepo.open(repo)) {
            assertEquals(List.of(), RepoPlan.plan(git, sampleRender().clusters(), true));
            assertEquals(0, git.statusWalks());
        }
        writeFile(repo.resolve(TIER), read(repo.resolve(TIER)) + "# hot fix, not committed yet\n");
        try (io.calicogitops.git.GitRepo git = io.calicogitops.git.GitRepo.open(repo)) {
            GitAccessException e = assertThrows(GitAccessException.class, () -> RepoPlan.plan(git, sampleRender().clusters(), true));
            assertTrue(e.getMessage().startsWith("generated files have uncommitted edits: " + TIER), e.getMessage());
            assertEquals(1, git.statusWalks(), "one walk for every changed file together");
        }
    }
}
