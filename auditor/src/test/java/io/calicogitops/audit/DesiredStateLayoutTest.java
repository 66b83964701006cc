package io.calicogitops.audit;

import io.calicogitops.diag.UsageException;
import io.calicogitops.git.FileChange;
import io.calicogitops.git.GitRepo;
import io.calicogitops.model.RepoLayout;
import io.calicogitops.model.ResourceId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The audit reads clusters/<name>/calico/ (RepoLayout), and a repository rendered before, clusters/<name>/, unchanged. */
class DesiredStateLayoutTest {

    private static final String TIER = "apiVersion: projectcalico.org/v3\nkind: Tier\nmetadata:\n  name: %s\nspec:\n  order: 100\n";

    @TempDir
    Path dir;

    private static FileChange add(String path, String text) {
        return new FileChange(path, FileChange.Type.ADDED, null, text.getBytes(StandardCharsets.UTF_8));
    }

    private Set<String> tiers(List<FileChange> files) {
        try (GitRepo git = GitRepo.openOrInit(dir.resolve("repo"))) {
            String commit = git.commit(files, "files", git.identity()).commitId().orElseThrow();
            TreeSet<String> out = new TreeSet<>();
            DesiredState.read(git, commit, "c1").resources().keySet().stream().map(ResourceId::name).forEach(out::add);
            return out;
        }
    }

    @Test
    void read_calicoFolderBesideFluxBootstrap_readsOnlyTheCalicoFolder() {
        Set<String> read = tiers(List.of(
                add("clusters/c1/calico/tier-security.yaml", TIER.formatted("security")),
                add("clusters/c1/calico/kustomization.yaml", "resources: [tier-security.yaml]\n"),
                add("clusters/c1/kustomization.yaml", "resources: [flux-system]\n"),
                add("clusters/c1/flux-system/gotk-sync.yaml", TIER.formatted("not-ours"))));
        assertEquals(Set.of("security"), read);
    }

    @Test
    void read_repoRenderedWithTheLayoutBefore_keepsWorking() {
        assertEquals(Set.of("platform"), tiers(List.of(add("clusters/c1/tier-platform.yaml", TIER.formatted("platform")))));
    }

    @Test
    void read_noFolder_namesBothLayouts() {
        UsageException e = assertThrows(UsageException.class,
                () -> tiers(List.of(add("clusters/other/calico/tier-x.yaml", TIER.formatted("x")))));
        assertTrue(e.getMessage().startsWith("no folder clusters/c1/calico/ (nor clusters/c1/) at commit"), e.getMessage());
    }

    @Test
    void clusterOfResourcePath_eitherLayoutButNotKustomizationOrDeeper() {
        assertEquals(Optional.of("c1"), RepoLayout.clusterOfResourcePath("clusters/c1/calico/tier-a.yaml"));
        assertEquals(Optional.of("c1"), RepoLayout.clusterOfResourcePath("clusters/c1/tier-a.yaml"));
        assertEquals(Optional.empty(), RepoLayout.clusterOfResourcePath("clusters/c1/calico/kustomization.yaml"));
        assertEquals(Optional.empty(), RepoLayout.clusterOfResourcePath("clusters/c1/flux-system/gotk-sync.yaml"));
        assertEquals(Optional.empty(), RepoLayout.clusterOfResourcePath("clusters/c1/calico/flux-tiers/kustomization.yaml"));
    }
}
