package io.calicogitops.render;

import io.calicogitops.git.FileChange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SortedMap;

import static io.calicogitops.render.RepoFixtures.commitUserFile;
import static io.calicogitops.render.RepoFixtures.copySampleFleet;
import static io.calicogitops.render.RepoFixtures.editProfile;
import static io.calicogitops.render.RepoFixtures.headFiles;
import static io.calicogitops.render.RepoFixtures.render;
import static io.calicogitops.render.RepoFixtures.summary;
import static io.calicogitops.render.RepoFixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 15 item 4 (layout): a cluster renders to {@code clusters/<name>/calico/}, so the {@code kustomization.yaml} and
 * {@code flux-system/} that {@code flux bootstrap --path=clusters/<name>} writes beside it are never touched, and a
 * repository rendered with the layout before moves over in one commit.
 */
class RepoLayoutRenderTest {

    @TempDir
    Path tmp;

    @Test
    void write_fluxBootstrapFilesInTheClusterFolder_leftAloneAndRenderSucceeds() throws Exception {
        Path fleet = copySampleFleet(tmp.resolve("sample"));
        Path repo = tmp.resolve("repo");
        io.calicogitops.git.GitRepo.openOrInit(repo).close();
        // What `flux bootstrap --path=clusters/eks-dev` commits: its own kustomization.yaml and flux-system/.
        commitUserFile(repo, "clusters/eks-dev/kustomization.yaml", "resources: [flux-system]\n");
        commitUserFile(repo, "clusters/eks-dev/flux-system/gotk-sync.yaml", "kind: GitRepository\n");

        RepoUpdate update = write(render(fleet, "eks-dev"), repo);

        SortedMap<String, String> head = headFiles(repo);
        assertEquals("resources: [flux-system]\n", head.get("clusters/eks-dev/kustomization.yaml"));
        assertEquals("kind: GitRepository\n", head.get("clusters/eks-dev/flux-system/gotk-sync.yaml"));
        assertTrue(head.get("clusters/eks-dev/calico/kustomization.yaml").startsWith(ClusterLayout.MARKER));
        assertTrue(update.changes().stream().allMatch(c -> c.path().startsWith("clusters/eks-dev/calico/")),
                update.changes().toString());
    }

    @Test
    void write_repoRenderedWithTheLayoutBefore_movesToTheCalicoFolderInOneCommit() throws Exception {
        Path fleet = copySampleFleet(tmp.resolve("sample"));
        Path repo = tmp.resolve("repo");
        String profile = Files.readString(fleet.resolve("eks-dev.yaml"));
        editProfile(fleet, "eks-dev.yaml", profile, profile + "\nlayout: cluster\n");
        write(render(fleet, "eks-dev"), repo);
        commitUserFile(repo, "clusters/eks-dev/OWNERS", "team-network\n");
        assertTrue(headFiles(repo).containsKey("clusters/eks-dev/felixconfiguration-default.yaml"));

        editProfile(fleet, "eks-dev.yaml", profile + "\nlayout: cluster\n", profile);
        RepoUpdate update = write(render(fleet, "eks-dev"), repo);

        Map<String, String> changes = summary(update.changes());
        assertEquals("D", changes.get("clusters/eks-dev/felixconfiguration-default.yaml"));
        assertEquals("A", changes.get("clusters/eks-dev/calico/felixconfiguration-default.yaml"));
        SortedMap<String, String> head = headFiles(repo);
        assertEquals("team-network\n", head.get("clusters/eks-dev/OWNERS"), "a file we did not write stays");
        assertTrue(head.keySet().stream().filter(p -> p.startsWith("clusters/eks-dev/") && !p.equals("clusters/eks-dev/OWNERS"))
                .allMatch(p -> p.startsWith("clusters/eks-dev/calico/")), head.keySet().toString());
        assertFalse(update.changes().stream().anyMatch(c -> c.type() == FileChange.Type.MODIFIED));
    }
}
