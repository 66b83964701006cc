package io.calicogitops.render;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.ObjectId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static io.calicogitops.render.RepoFixtures.commitCount;
import static io.calicogitops.render.RepoFixtures.commitUserFile;
import static io.calicogitops.render.RepoFixtures.copySampleFleet;
import static io.calicogitops.render.RepoFixtures.editProfile;
import static io.calicogitops.render.RepoFixtures.fullMessage;
import static io.calicogitops.render.RepoFixtures.git;
import static io.calicogitops.render.RepoFixtures.head;
import static io.calicogitops.render.RepoFixtures.headFiles;
import static io.calicogitops.render.RepoFixtures.read;
import static io.calicogitops.render.RepoFixtures.render;
import static io.calicogitops.render.RepoFixtures.sampleRender;
import static io.calicogitops.render.RepoFixtures.summary;
import static io.calicogitops.render.RepoFixtures.workTree;
import static io.calicogitops.render.RepoFixtures.write;
import static io.calicogitops.render.RepoFixtures.writeFile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a second render commits after the fleet changed: exactly the affected files, removals included, user files never. */
class RepoUpdateChangesTest {

    private static final String FELIX = "clusters/eks-dev/calico/felixconfiguration-default.yaml";

    @TempDir
    Path tmp;

    private Path fleet;
    private Path repo;

    @BeforeEach
    void renderSampleFleetOnce() {
        fleet = copySampleFleet(tmp.resolve("sample"));
        repo = tmp.resolve("repo");
        write(sampleRender(), repo);
    }

    private static SortedMap<String, String> under(SortedMap<String, String> files, String prefix) {
        return files.entrySet().stream().filter(e -> e.getKey().startsWith(prefix))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, TreeMap::new));
    }

    @Test
    void write_oneProfileValueChanged_commitsExactlyTheAffectedFileAsModified() throws Exception {
        editProfile(fleet, "eks-dev.yaml", "flowFlushInterval: 15s", "flowFlushInterval: 30s");
        ObjectId before = head(repo).orElseThrow();
        SortedMap<String, String> filesBefore = workTree(repo);

        RepoUpdate update = write(render(fleet), repo);

        assertEquals(Map.of(FELIX, "M"), summary(update.changes()));
        assertEquals(2, commitCount(repo));
        assertEquals(Optional.of(head(repo).orElseThrow().name()), update.commitId());
        assertTrue(read(repo.resolve(FELIX)).contains("flowLogsFlushInterval: 30s"), read(repo.resolve(FELIX)));
        SortedMap<String, String> filesAfter = workTree(repo);
        filesAfter.remove(FELIX);
        filesBefore.remove(FELIX);
        assertEquals(filesBefore, filesAfter, "nothing else changed");
        assertEquals(headFiles(repo), workTree(repo));
        assertEquals("render eks-dev\n\n0 added, 1 changed, 0 removed.\n\neks-dev:\n  M felixconfiguration default\n",
                fullMessage(repo, head(repo).orElseThrow()));
        try (Git git = git(repo)) {
            assertEquals(before, git.log().call().iterator().next().getParent(0).getId());
        }
    }

    @Test
    void write_clusterProfileRemoved_removesItsGeneratedFilesAndFolder() throws Exception {
        Set<String> minimalFiles = under(headFiles(repo), "clusters/eks-minimal/").keySet();
        Files.delete(fleet.resolve("eks-minimal.yaml"));

        RepoUpdate update = write(render(fleet), repo);

        assertTrue(minimalFiles.contains("clusters/eks-minimal/calico/kustomization.yaml"), minimalFiles.toString());
        assertEquals(minimalFiles, update.changes().stream().map(c -> c.path()).collect(Collectors.toSet()));
        assertTrue(summary(update.changes()).values().stream().allMatch("D"::equals));
        assertEquals(Map.of(), under(headFiles(repo), "clusters/eks-minimal/"), "gone from HEAD");
        assertFalse(Files.exists(repo.resolve("clusters/eks-minimal")), "folder gone from the work tree");
        String message = fullMessage(repo, head(repo).orElseThrow());
        assertTrue(message.startsWith("remove eks-minimal\n\n0 added, 0 changed, " + minimalFiles.size()
                + " removed.\n\neks-minimal:\n  D README.md\n"), message);
        assertTrue(message.contains("  D tier security\n"), message);
        try (Git git = git(repo)) {
            assertTrue(git.status().call().isClean());
        }
    }

    @Test
    void write_clusterProfileRemoved_keepsTheUserFileInItsFolder() throws Exception {
        commitUserFile(repo, "clusters/eks-minimal/RUNBOOK.md", "# how we operate eks-minimal\n");
        writeFile(repo.resolve("clusters/eks-minimal/scratch.txt"), "untracked notes\n");
        Files.delete(fleet.resolve("eks-minimal.yaml"));

        RepoUpdate update = write(render(fleet), repo);

        assertTrue(update.changes().stream().noneMatch(c -> c.path().endsWith("RUNBOOK.md") || c.path().endsWith("scratch.txt")));
        assertEquals(Map.of("clusters/eks-minimal/RUNBOOK.md", "# how we operate eks-minimal\n"),
                under(headFiles(repo), "clusters/eks-minimal/"));
        assertEquals(Map.of("clusters/eks-minimal/RUNBOOK.md", "# how we operate eks-minimal\n",
                "clusters/eks-minimal/scratch.txt", "untracked notes\n"), under(workTree(repo), "clusters/eks-minimal/"));
    }

    @Test
    void write_userFilesInAClusterFolder_areNeverTouched() throws Exception {
        commitUserFile(repo, "clusters/eks-dev/calico/OWNERS", "team-network\n");
        writeFile(repo.resolve("clusters/eks-dev/calico/notes.txt"), "# my notes, not committed\n");
        writeFile(repo.resolve("clusters/eks-dev/calico/extra-policy.yaml"), "# hand-written\nkind: NetworkPolicy\n");
        editProfile(fleet, "eks-dev.yaml", "flowFlushInterval: 15s", "flowFlushInterval: 30s");

        RepoUpdate update = write(render(fleet), repo);

        assertEquals(Map.of(FELIX, "M"), summary(update.changes()));
        assertEquals("team-network\n", read(repo.resolve("clusters/eks-dev/calico/OWNERS")));
        assertEquals("# my notes, not committed\n", read(repo.resolve("clusters/eks-dev/calico/notes.txt")));
        assertEquals("# hand-written\nkind: NetworkPolicy\n", read(repo.resolve("clusters/eks-dev/calico/extra-policy.yaml")));
        assertEquals("team-network\n", headFiles(repo).get("clusters/eks-dev/calico/OWNERS"));
        try (Git git = git(repo)) {
            assertEquals(Set.of("clusters/eks-dev/calico/notes.txt", "clusters/eks-dev/calico/extra-policy.yaml"),
                    git.status().call().getUntracked(), "user files stay out of the render commit");
        }
    }

    @Test
    void write_clusterSubset_leavesOtherClustersFoldersInPlace() throws Exception {
        SortedMap<String, String> before = workTree(repo);
        editProfile(fleet, "eks-dev.yaml", "flowFlushInterval: 15s", "flowFlushInterval: 30s");
        // Even a cluster gone from the fleet keeps its folder when only some clusters are rendered.
        Files.delete(fleet.resolve("eks-minimal.yaml"));

        RepoUpdate update = RepoUpdate.write(render(fleet, "eks-dev"), repo, false, false, null);

        assertEquals(Map.of(FELIX, "M"), summary(update.changes()));
        SortedMap<String, String> after = workTree(repo);
        for (String cluster : new String[] {"aks-dev", "aks-prod", "eks-minimal", "eks-prod"}) {
            String prefix = "clusters/" + cluster + "/";
            assertEquals(under(before, prefix), under(after, prefix), cluster);
            assertEquals(under(before, prefix), under(headFiles(repo), prefix), cluster);
        }
        assertEquals("render eks-dev\n\n0 added, 1 changed, 0 removed.\n\neks-dev:\n  M felixconfiguration default\n",
                fullMessage(repo, head(repo).orElseThrow()));
    }

    @Test
    void write_resourceNoLongerRendered_isRemovedAndListedAsDeleted() {
        editProfile(fleet, "eks-dev.yaml", "  devApp: true\n", "  devApp: false\n");

        RepoUpdate update = write(render(fleet), repo);

        Map<String, String> types = summary(update.changes());
        assertTrue(types.containsValue("D"), types.toString());
        assertTrue(types.keySet().stream().allMatch(p -> p.startsWith("clusters/eks-dev/")), types.toString());
        types.forEach((path, type) -> {
            if (type.equals("D")) {
                assertFalse(Files.exists(repo.resolve(path)), path);
                assertFalse(headFiles(repo).containsKey(path), path);
            }
        });
        assertEquals("M", types.get("clusters/eks-dev/calico/kustomization.yaml"), "the resource list shrinks");
        assertEquals(headFiles(repo), workTree(repo));
    }
}
