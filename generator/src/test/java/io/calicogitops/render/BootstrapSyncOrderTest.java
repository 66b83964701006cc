package io.calicogitops.render;

import com.fasterxml.jackson.databind.JsonNode;
import io.calicogitops.diag.Diagnostics;
import io.calicogitops.model.Kinds;
import io.calicogitops.model.ResourceId;
import io.calicogitops.yaml.YamlDocument;
import io.calicogitops.yaml.YamlReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 15 item 4: the order Argo CD and Flux apply a cluster folder in, and the AppProject and GitRepository they need. */
class BootstrapSyncOrderTest {

    @TempDir
    Path tmp;

    static JsonNode doc(SortedMap<String, byte[]> files, String name) {
        List<YamlDocument> docs = new YamlReader().read(files.get(name), name, new Diagnostics());
        assertEquals(1, docs.size(), name);
        return docs.get(0).body();
    }

    private ClusterRender renderOne(String yaml) throws Exception {
        Path fleet = Files.createDirectories(tmp.resolve("fleet"));
        Files.writeString(fleet.resolve("c.yaml"), yaml);
        Generator.RenderResult result = RepoFixtures.render(fleet);
        assertEquals(1, result.clusters().size());
        return result.clusters().get(0);
    }

    private static int wave(RenderedResource r) {
        return Integer.parseInt(r.resource().body().at("/metadata/annotations")
                .path(SyncOrder.ARGOCD_SYNC_WAVE).asText("0"));
    }

    @Test
    void render_argocd_tiersThenNetworkSetsThenPoliciesInSyncWaves() {
        ClusterRender c = SampleFleet.cluster("eks-prod");
        int tiers = 0;
        int policies = 0;
        for (RenderedResource r : c.resources()) {
            ResourceId id = r.resource().id();
            if (SyncOrder.isTier(id)) {
                assertEquals(1, wave(r), id.display());
                tiers++;
            } else if (id.kind().endsWith("NetworkSet")) {
                assertEquals(2, wave(r), id.display());
            } else if (Kinds.isCalicoPolicy(id.group(), id.kind())) {
                assertEquals(3, wave(r), id.display());
                policies++;
            } else {
                assertEquals(0, wave(r), id.display() + " keeps Argo CD's default wave");
            }
        }
        assertTrue(tiers > 0 && policies > 0);
        String tier = new String(c.files().get("tier-security.yaml"));
        assertTrue(tier.contains("argocd.argoproj.io/sync-wave: '1'"), tier);
    }

    @Test
    void render_fluxOnly_noSyncWaves() {
        for (RenderedResource r : SampleFleet.cluster("aks-prod").resources()) {
            assertEquals(0, wave(r), r.resource().id().display());
        }
    }

    @Test
    void render_flux_policiesKustomizationDependsOnTheTiersKustomization() {
        ClusterRender c = SampleFleet.cluster("aks-prod");
        JsonNode tiers = doc(c.bootstrapFiles(), "flux-kustomization-tiers.yaml");
        JsonNode rest = doc(c.bootstrapFiles(), "flux-kustomization.yaml");
        assertEquals("calico-gitops-aks-prod-tiers", tiers.at("/metadata/name").asText());
        assertEquals("./clusters/aks-prod/calico/flux-tiers", tiers.at("/spec/path").asText());
        assertEquals("./clusters/aks-prod/calico/flux-policies", rest.at("/spec/path").asText());
        assertEquals("calico-gitops-aks-prod-tiers", rest.at("/spec/dependsOn/0/name").asText());
        assertTrue(tiers.at("/spec/dependsOn").isMissingNode());

        // The stage folders split the cluster folder's resources: every file in exactly one, Tiers only in the first.
        List<String> tierFiles = resources(c.files(), "flux-tiers/kustomization.yaml");
        List<String> restFiles = resources(c.files(), "flux-policies/kustomization.yaml");
        List<String> all = resources(c.files(), "kustomization.yaml");
        assertFalse(tierFiles.isEmpty());
        assertTrue(tierFiles.stream().allMatch(f -> f.startsWith("../tier-")), tierFiles.toString());
        assertTrue(restFiles.stream().noneMatch(f -> f.startsWith("../tier-")), restFiles.toString());
        List<String> union = new ArrayList<>(tierFiles);
        union.addAll(restFiles);
        assertEquals(new HashSet<>(all.stream().map(f -> "../" + f).toList()), new HashSet<>(union));
        assertEquals(all.size(), union.size());
        String bootstrapK = new String(c.bootstrapFiles().get("kustomization.yaml"));
        assertTrue(bootstrapK.contains("- flux-kustomization-tiers.yaml\n"), bootstrapK);
    }

    @Test
    void render_argocdOnly_noFluxStageFolders() {
        assertTrue(SampleFleet.cluster("eks-prod").files().keySet().stream().noneMatch(f -> f.contains("/")));
    }

    private static List<String> resources(SortedMap<String, byte[]> files, String name) {
        List<String> out = new ArrayList<>();
        doc(files, name).path("resources").forEach(n -> out.add(n.asText()));
        return out;
    }

    @Test
    void render_argocdProject_whitelistsEveryRenderedKindInItsScope() {
        ClusterRender c = SampleFleet.cluster("eks-prod");
        JsonNode project = doc(c.bootstrapFiles(), "appproject.yaml");
        JsonNode app = doc(c.bootstrapFiles(), "application.yaml");
        assertEquals("AppProject", project.path("kind").asText());
        assertEquals(app.at("/spec/project").asText(), project.at("/metadata/name").asText());
        assertEquals(app.at("/metadata/namespace").asText(), project.at("/metadata/namespace").asText());
        assertEquals(app.at("/spec/source/repoURL").asText(), project.at("/spec/sourceRepos/0").asText());
        assertEquals(app.at("/spec/destination/server").asText(), project.at("/spec/destinations/0/server").asText());
        Set<String> clusterScoped = kinds(project.at("/spec/clusterResourceWhitelist"));
        Set<String> namespaced = kinds(project.at("/spec/namespaceResourceWhitelist"));
        for (RenderedResource r : c.resources()) {
            ResourceId id = r.resource().id();
            String key = id.group() + "/" + id.kind();
            assertTrue((id.isNamespaced() ? namespaced : clusterScoped).contains(key), key);
        }
        assertTrue(clusterScoped.contains("projectcalico.org/Tier"));
        assertTrue(clusterScoped.contains("operator.tigera.io/Installation"));
    }

    private static Set<String> kinds(JsonNode list) {
        Set<String> out = new HashSet<>();
        list.forEach(n -> out.add(n.path("group").asText() + "/" + n.path("kind").asText()));
        return out;
    }

    @Test
    void render_argocdDefaultProject_noAppProjectRendered() throws Exception {
        ClusterRender c = renderOne("name: c1\nprovider: EKS\ncni: aws-vpc\ngitops:\n"
                + "  repoUrl: https://git.example.com/fleet.git\n  argocd: {}\n");
        assertEquals("default", doc(c.bootstrapFiles(), "application.yaml").at("/spec/project").asText());
        assertFalse(c.bootstrapFiles().containsKey("appproject.yaml"), "Argo CD's own default project is never overwritten");
    }

    @Test
    void render_fluxBootstrapSource_noGitRepository() {
        assertFalse(SampleFleet.cluster("aks-prod").bootstrapFiles().containsKey("flux-gitrepository.yaml"));
    }

    @Test
    void render_fluxOwnSource_gitRepositoryForTheRepoUrlWithTheSecretName() throws Exception {
        ClusterRender c = renderOne("name: c1\nprovider: EKS\ncni: aws-vpc\ngitops:\n"
                + "  repoUrl: https://git.example.com/fleet.git\n  revision: release\n"
                + "  flux: {sourceRef: fleet, sourceSecret: fleet-git, interval: 5m}\n");
        JsonNode repo = doc(c.bootstrapFiles(), "flux-gitrepository.yaml");
        assertEquals("GitRepository", repo.path("kind").asText());
        assertEquals("fleet", repo.at("/metadata/name").asText());
        assertEquals("flux-system", repo.at("/metadata/namespace").asText());
        assertEquals("https://git.example.com/fleet.git", repo.at("/spec/url").asText());
        assertEquals("release", repo.at("/spec/ref/branch").asText());
        assertEquals("fleet-git", repo.at("/spec/secretRef/name").asText());
        assertEquals("fleet", doc(c.bootstrapFiles(), "flux-kustomization.yaml").at("/spec/sourceRef/name").asText());
        assertEquals("fleet", doc(c.bootstrapFiles(), "flux-kustomization-tiers.yaml").at("/spec/sourceRef/name").asText());
    }

    @Test
    void render_oss332_applicationAppliesClientSideButPartialObjectsStayServerSide() throws Exception {
        // projectcalico/calico#12841: server-side apply cannot create policies on OSS 3.32's API server.
        ClusterRender c = renderOne("name: c1\nprovider: EKS\ncni: calico\ncalico: {edition: oss, version: \"3.32\"}\n"
                + "packs: [tiers, installation, default-deny, kube-dns]\ngitops:\n"
                + "  repoUrl: https://git.example.com/fleet.git\n  argocd: {}\n");
        String options = doc(c.bootstrapFiles(), "application.yaml").at("/spec/syncPolicy/syncOptions").toString();
        assertFalse(options.contains("ServerSideApply"), options);
        assertTrue(options.contains("ApplyOutOfSyncOnly=true"), options);
        String installation = new String(c.files().get("installation.operator.tigera.io-default.yaml"));
        assertTrue(installation.contains("argocd.argoproj.io/sync-options: Prune=false,ServerSideApply=true"), installation);
    }

    @Test
    void render_oss331AndCloud_applicationAppliesServerSide() throws Exception {
        ClusterRender c = renderOne("name: c1\nprovider: EKS\ncni: calico\ncalico: {edition: oss, version: \"3.31\"}\n"
                + "packs: [tiers, installation]\ngitops:\n  repoUrl: https://git.example.com/fleet.git\n  argocd: {}\n");
        assertTrue(doc(c.bootstrapFiles(), "application.yaml").at("/spec/syncPolicy/syncOptions").toString()
                .contains("ServerSideApply=true"));
        assertTrue(doc(SampleFleet.cluster("eks-prod").bootstrapFiles(), "application.yaml")
                .at("/spec/syncPolicy/syncOptions").toString().contains("ServerSideApply=true"), "Calico Cloud");
    }

    @Test
    void render_argocd_ignoreDifferencesNameExactlyTheDefaultsGitLeavesOut() throws Exception {
        ClusterRender c = renderOne("name: c1\nprovider: EKS\ncni: aws-vpc\npacks: [tiers, threat-feeds, kube-dns]\n"
                + "threatFeeds: [{name: feodo, url: 'https://feodotracker.abuse.ch/downloads/ipblocklist.txt'}]\n"
                + "gitops:\n  repoUrl: https://git.example.com/fleet.git\n  argocd: {}\n");
        JsonNode rules = doc(c.bootstrapFiles(), "application.yaml").at("/spec/ignoreDifferences");
        List<String> seen = new ArrayList<>();
        rules.forEach(r -> seen.add(r.path("kind").asText() + " " + r.path("name").asText() + " " + r.path("jsonPointers")));
        // Tiers state no defaultAction, the feed no content/mode/feedType: those are ignored; policies state types.
        assertTrue(seen.contains("Tier security [\"/spec/defaultAction\"]"), seen.toString());
        assertTrue(seen.contains("GlobalThreatFeed feodo [\"/spec/content\",\"/spec/mode\",\"/spec/feedType\"]"), seen.toString());
        assertTrue(seen.contains("GlobalNetworkPolicy  [\"/metadata/labels/projectcalico.org~1tier\"]"), seen.toString());
        for (RenderedResource r : c.resources()) {
            if (Kinds.isCalicoPolicy(r.resource().id().group(), r.resource().id().kind())) {
                assertTrue(r.resource().body().at("/spec/types").size() > 0, "the packs state types");
                assertTrue(seen.stream().noneMatch(x -> x.contains(r.resource().id().name() + " ")), seen.toString());
            }
        }
    }
}
