package io.calicogitops.render;

import com.fasterxml.jackson.databind.JsonNode;
import io.calicogitops.diag.Diagnostics;
import io.calicogitops.git.FileChange;
import io.calicogitops.model.Kinds;
import io.calicogitops.testing.Golden;
import io.calicogitops.yaml.YamlDocument;
import io.calicogitops.yaml.YamlReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

import static io.calicogitops.render.RepoFixtures.copySampleFleet;
import static io.calicogitops.render.RepoFixtures.editProfile;
import static io.calicogitops.render.RepoFixtures.headFiles;
import static io.calicogitops.render.RepoFixtures.render;
import static io.calicogitops.render.RepoFixtures.summary;
import static io.calicogitops.render.RepoFixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Argo CD Application and Flux Kustomization of the {@code gitops} block, and the prune protection of partial objects. */
class BootstrapRenderTest {

    @TempDir
    Path tmp;

    private static JsonNode doc(SortedMap<String, byte[]> files, String name) {
        List<YamlDocument> docs = new YamlReader().read(files.get(name), name, new Diagnostics());
        assertEquals(1, docs.size(), name);
        return docs.get(0).body();
    }

    @Test
    void render_sampleBootstrapFolders_matchGoldenTrees() {
        for (String cluster : List.of("aks-prod", "eks-prod")) {
            Golden.assertTree(Golden.testResources("generator", "golden/sample-bootstrap/" + cluster),
                    SampleFleet.cluster(cluster).bootstrapFiles());
        }
    }

    @Test
    void render_argocdBlock_applicationPointsAtTheClusterFolderWithSyncOptions() {
        SortedMap<String, byte[]> files = SampleFleet.cluster("eks-prod").bootstrapFiles();
        assertEquals(List.of("application.yaml", "appproject.yaml", "kustomization.yaml"), List.copyOf(files.keySet()));
        JsonNode app = doc(files, "application.yaml");

        assertEquals("argoproj.io/v1alpha1", app.path("apiVersion").asText());
        assertEquals("Application", app.path("kind").asText());
        assertEquals("calico-gitops-eks-prod", app.at("/metadata/name").asText());
        assertEquals("argocd", app.at("/metadata/namespace").asText());
        assertEquals("calico", app.at("/spec/project").asText());
        assertEquals("https://git.example.com/platform/fleet-repo.git", app.at("/spec/source/repoURL").asText());
        assertEquals("main", app.at("/spec/source/targetRevision").asText());
        assertEquals("clusters/eks-prod/calico", app.at("/spec/source/path").asText());
        assertEquals("https://kubernetes.default.svc", app.at("/spec/destination/server").asText());
        assertTrue(app.at("/spec/syncPolicy/automated/prune").asBoolean());
        assertTrue(app.at("/spec/syncPolicy/automated/selfHeal").asBoolean());
        assertTrue(app.at("/spec/syncPolicy/syncOptions").toString().contains("ServerSideApply=true"));
    }

    @Test
    void render_fluxBlock_kustomizationReadsTheGitRepository() {
        SortedMap<String, byte[]> files = SampleFleet.cluster("aks-prod").bootstrapFiles();
        assertEquals(List.of("flux-kustomization-tiers.yaml", "flux-kustomization.yaml", "kustomization.yaml"),
                List.copyOf(files.keySet()));
        JsonNode k = doc(files, "flux-kustomization.yaml");

        assertEquals("kustomize.toolkit.fluxcd.io/v1", k.path("apiVersion").asText());
        assertEquals("Kustomization", k.path("kind").asText());
        assertEquals("flux-system", k.at("/metadata/namespace").asText());
        assertEquals("./clusters/aks-prod/calico/flux-policies", k.at("/spec/path").asText());
        assertTrue(k.at("/spec/prune").asBoolean());
        assertEquals("10m", k.at("/spec/interval").asText());
        assertEquals("GitRepository", k.at("/spec/sourceRef/kind").asText());
        assertEquals("flux-system", k.at("/spec/sourceRef/name").asText());
    }

    @Test
    void render_bootstrapKustomization_listsTheObjects() {
        String k = new String(SampleFleet.cluster("eks-prod").bootstrapFiles().get("kustomization.yaml"));
        assertTrue(k.contains("resources:\n- application.yaml\n"), k);
    }

    @Test
    void render_withoutGitopsBlock_noBootstrapFilesAndNoSyncAnnotations() {
        ClusterRender c = SampleFleet.cluster("eks-dev");
        assertTrue(c.bootstrapFiles().isEmpty());
        c.files().forEach((name, bytes) -> {
            String text = new String(bytes);
            assertFalse(text.contains("argocd.argoproj.io") || text.contains("kustomize.toolkit.fluxcd.io/prune"), name);
        });
    }

    @Test
    void render_argocd_partialObjectsNeverPrunedAndOthersUntouched() {
        ClusterRender c = SampleFleet.cluster("eks-prod");
        int partial = 0;
        for (RenderedResource r : c.resources()) {
            JsonNode annotations = r.resource().body().at("/metadata/annotations");
            boolean protectedFromPrune = annotations.path(Bootstrap.ARGOCD_SYNC_OPTIONS).asText().contains("Prune=false");
            boolean isPartial = Kinds.isPartialIntent(r.resource().id(), r.resource().body());
            assertEquals(isPartial, protectedFromPrune, r.resource().id().display());
            partial += isPartial ? 1 : 0;
        }
        // FelixConfiguration default, Installation, ApplicationLayer, and the two L7-annotated Services.
        assertEquals(5, partial);
        assertTrue(new String(c.files().get("installation.operator.tigera.io-default.yaml"))
                .contains("argocd.argoproj.io/sync-options: Prune=false,ServerSideApply=true"));
        assertFalse(new String(c.files().get("service-calico-system.calico-prometheus-metrics.yaml"))
                .contains("argocd.argoproj.io"), "a whole Service the repository owns may be pruned");
    }

    @Test
    void render_flux_partialObjectsCarryPruneDisabled() {
        String felix = new String(SampleFleet.cluster("aks-prod").files().get("felixconfiguration-default.yaml"));
        assertTrue(felix.contains("kustomize.toolkit.fluxcd.io/prune: disabled"), felix);
        assertFalse(felix.contains("argocd.argoproj.io"), felix);
    }

    @Test
    void write_gitopsBlockRemoved_bootstrapFolderRemovedClusterFolderKept() throws Exception {
        Path fleet = copySampleFleet(tmp.resolve("sample"));
        Path repo = tmp.resolve("repo");
        write(render(fleet), repo);
        assertTrue(headFiles(repo).containsKey("bootstrap/eks-prod/application.yaml"));
        assertTrue(Files.isRegularFile(repo.resolve("bootstrap/aks-prod/flux-kustomization.yaml")));

        String profile = Files.readString(fleet.resolve("eks-prod.yaml"));
        editProfile(fleet, "eks-prod.yaml", profile.substring(profile.indexOf("\n# Argo CD syncs")), "\n");
        RepoUpdate update = write(render(fleet), repo);

        Map<String, String> changes = summary(update.changes());
        assertEquals("D", changes.get("bootstrap/eks-prod/application.yaml"));
        assertEquals("D", changes.get("bootstrap/eks-prod/kustomization.yaml"));
        assertEquals("M", changes.get("clusters/eks-prod/calico/installation.operator.tigera.io-default.yaml"));
        assertFalse(changes.keySet().stream().anyMatch(p -> p.startsWith("bootstrap/aks-prod/")));
        assertFalse(headFiles(repo).containsKey("bootstrap/eks-prod/application.yaml"));
        assertTrue(headFiles(repo).containsKey("clusters/eks-prod/calico/kustomization.yaml"));
        assertTrue(update.changes().stream().noneMatch(c -> c.type() == FileChange.Type.ADDED));
    }
}
