package io.calicogitops.history;

import io.calicogitops.diag.GitAccessException;
import io.calicogitops.diag.UsageException;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static io.calicogitops.history.Manifests.path;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Renames, namespaced promotions, files that are not resources, broken YAML, and repositories that give nothing. */
class HistoryEdgeCasesTest {

    @TempDir
    Path tmp;

    private static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");

    private HistoryReport walk(String cluster) {
        return new History().walk(new HistoryRequest(tmp, null, Optional.ofNullable(cluster), null));
    }

    @Test
    void renamedFileWithTheSameResource_isAModificationThatNamesTheOldFile() {
        try (ScriptedRepo r = new ScriptedRepo(tmp)) {
            r.put(path("eks-prod", "old-name.yaml"), Manifests.tier("security", 400)).commit("add", "Alice", T0);
            r.remove(path("eks-prod", "old-name.yaml")).put(path("eks-prod", "tier-security.yaml"), Manifests.tier("security", 400))
                    .commit("rename", "Alice", T0.plusSeconds(60));
            r.remove(path("eks-prod", "tier-security.yaml")).put(path("eks-prod", "tier.yaml"), Manifests.tier("security", 500))
                    .commit("rename and change", "Alice", T0.plusSeconds(120));
        }
        List<HistoryCommit> commits = walk("eks-prod").commits();
        ResourceChange renamed = commits.get(1).changes().get(0);
        assertEquals(ChangeType.MODIFIED, renamed.change());
        assertEquals("clusters/eks-prod/tier-security.yaml", renamed.path());
        assertEquals(List.of("security: file renamed from clusters/eks-prod/old-name.yaml"), renamed.sentences());
        assertEquals(List.of("security: file renamed from clusters/eks-prod/tier-security.yaml", "security: order: 400 -> 500"),
                commits.get(2).changes().get(0).sentences());
    }

    @Test
    void namespacedStagedPolicyEnforced_isPromotedAndNamesTheNamespace() {
        try (ScriptedRepo r = new ScriptedRepo(tmp)) {
            r.put(path("eks-prod", "a.yaml"), Manifests.centosToFrontend("StagedNetworkPolicy")).commit("stage", "Alice", T0);
            r.remove(path("eks-prod", "a.yaml"))
                    .put(path("eks-prod", "b.yaml"), Manifests.centosToFrontend("NetworkPolicy").replace("order: 100", "order: 150"))
                    .commit("enforce", "Alice", T0.plusSeconds(60));
        }
        ResourceChange ch = walk(null).commits().get(1).changes().get(0);
        assertEquals(ChangeType.PROMOTED, ch.change());
        assertEquals("NetworkPolicy dev/platform.centos-to-frontend", ch.id().display());
        assertEquals(List.of("dev/platform.centos-to-frontend: staged policy enforced (StagedNetworkPolicy -> NetworkPolicy)",
                "dev/platform.centos-to-frontend: order: 100 -> 150"), ch.sentences());
    }

    @Test
    void stagedActionOtherThanSet_showsAsADifferenceOnPromotion() {
        try (ScriptedRepo r = new ScriptedRepo(tmp)) {
            r.put(path("c", "a.yaml"), Manifests.defaultDeny("StagedGlobalNetworkPolicy").replace("order: 2000", "stagedAction: Delete\n  order: 2000"))
                    .commit("stage a delete", "Alice", T0);
            r.remove(path("c", "a.yaml")).put(path("c", "b.yaml"), Manifests.defaultDeny("GlobalNetworkPolicy")).commit("enforce", "Alice", T0.plusSeconds(1));
        }
        assertEquals(List.of("default-deny: staged policy enforced (StagedGlobalNetworkPolicy -> GlobalNetworkPolicy)",
                "default-deny: stagedAction removed (was Delete)"), walk("c").commits().get(1).changes().get(0).sentences());
    }

    @Test
    void kustomizationReadmeAndSubfolderFiles_areNotResourceEvents() {
        try (ScriptedRepo r = new ScriptedRepo(tmp)) {
            r.put(path("eks-prod", "tier.yaml"), Manifests.tier("security", 400)).commit("add", "Alice", T0);
            r.put(path("eks-prod", "kustomization.yaml"), Manifests.kustomization("tier.yaml"))
                    .put(path("eks-prod", "README.md"), "# eks-prod\n")
                    .put("clusters/eks-prod/extra/tier.yaml", Manifests.tier("other", 1))
                    .put("clusters/tier.yaml", Manifests.tier("other", 1))
                    .commit("housekeeping", "Alice", T0.plusSeconds(60));
        }
        HistoryReport r = walk(null);
        assertEquals(List.of("add"), r.commits().stream().map(HistoryCommit::subject).toList());
    }

    @Test
    void brokenYaml_isAWarningAndTheRestOfTheHistoryIsStillRead() {
        try (ScriptedRepo r = new ScriptedRepo(tmp)) {
            r.put(path("eks-prod", "tier.yaml"), Manifests.tier("security", 400)).commit("add", "Alice", T0);
            r.put(path("eks-prod", "tier.yaml"), "kind: Tier\nmetadata: [unclosed\n").commit("break", "Bob", T0.plusSeconds(60));
            r.put(path("eks-prod", "tier.yaml"), Manifests.tier("security", 400)).commit("fix", "Carol", T0.plusSeconds(120));
        }
        HistoryReport r = walk("eks-prod");
        assertEquals(List.of("add", "break", "fix"), r.commits().stream().map(HistoryCommit::subject).toList());
        assertEquals(ChangeType.DELETED, r.commits().get(1).changes().get(0).change(), "the broken file holds no resources");
        assertEquals(1, r.warnings().size(), r.warnings().toString());
        assertTrue(r.warnings().get(0).matches("[0-9a-f]{12}: clusters/eks-prod/tier\\.yaml:\\d+:\\d+: error: .*"), r.warnings().get(0));
    }

    @Test
    void clusterThatNeverExisted_givesAnEmptyReportThatStillListsTheCluster() {
        try (ScriptedRepo r = new ScriptedRepo(tmp)) {
            r.put(path("eks-prod", "tier.yaml"), Manifests.tier("security", 400)).commit("add", "Alice", T0);
        }
        HistoryReport r = walk("nope");
        assertEquals(List.of(), r.commits());
        assertEquals(List.of("nope"), List.copyOf(r.clusterSummaries().keySet()));
        assertEquals(new HistorySummary(0, 0, 0, 0, 0, 0, 0, 0, 0), r.summary());
    }

    @Test
    void repositoryWithoutCommits_givesAnEmptyReport() throws Exception {
        Git.init().setDirectory(tmp.toFile()).call().close();
        HistoryReport r = walk(null);
        assertEquals(List.of(), r.commits());
        assertEquals(Optional.empty(), r.headCommit());
    }

    @Test
    void folderThatIsNoRepository_isAGitAccessError() throws Exception {
        Files.writeString(tmp.resolve("notes.txt"), "x");
        GitAccessException e = assertThrows(GitAccessException.class, () -> walk(null));
        assertTrue(e.getMessage().startsWith("not a Git repository: "), e.getMessage());
    }

    @Test
    void unknownRef_isAGitAccessError() {
        try (ScriptedRepo r = new ScriptedRepo(tmp)) {
            r.put(path("eks-prod", "tier.yaml"), Manifests.tier("security", 400)).commit("add", "Alice", T0);
        }
        GitAccessException e = assertThrows(GitAccessException.class,
                () -> new History().walk(new HistoryRequest(tmp, "nope", Optional.empty(), null)));
        assertTrue(e.getMessage().startsWith("ref 'nope' does not name a commit in "), e.getMessage());
    }

    @Test
    void clusterNameWithASlash_isAUsageError() {
        try (ScriptedRepo r = new ScriptedRepo(tmp)) {
            r.put(path("eks-prod", "tier.yaml"), Manifests.tier("security", 400)).commit("add", "Alice", T0);
        }
        assertThrows(UsageException.class, () -> walk("eks-prod/x"));
        assertThrows(UsageException.class, () -> walk(".."));
    }
}
