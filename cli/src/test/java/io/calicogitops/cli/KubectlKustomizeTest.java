package io.calicogitops.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import static io.calicogitops.cli.CliRun.sampleFleet;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code kubectl kustomize clusters/<name>} builds every rendered sample cluster, with every resource, Tiers first.
 * Runs only when kubectl is on the PATH (the README lists it as optional).
 */
class KubectlKustomizeTest {

    private static final YAMLMapper YAML = new YAMLMapper();
    private static final Set<String> POLICY_KINDS = Set.of("GlobalNetworkPolicy", "NetworkPolicy", "StagedGlobalNetworkPolicy",
            "StagedNetworkPolicy", "StagedKubernetesNetworkPolicy");

    @TempDir
    static Path tmp;

    private static Path repo;
    private static boolean kubectl;

    record Build(int exitCode, String out, String err) {
    }

    @BeforeAll
    static void renderSampleFleetAndLookForKubectl() {
        kubectl = kubectlOnPath();
        repo = tmp.resolve("gitops");
        CliRun run = CliRun.of("render", "--fleet", sampleFleet(), "--repo", repo.toString());
        assertEquals(0, run.exitCode(), run.transcript());
    }

    private static boolean kubectlOnPath() {
        try {
            Process p = new ProcessBuilder("kubectl", "version", "--client").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static Build kustomize(Path dir, String... flags) throws Exception {
        Path out = Files.createTempFile(tmp, "kustomize", ".out");
        Path err = Files.createTempFile(tmp, "kustomize", ".err");
        List<String> command = new ArrayList<>(List.of("kubectl", "kustomize"));
        command.addAll(List.of(flags));
        command.add(dir.toString());
        Process p = new ProcessBuilder(command)
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "kubectl kustomize did not finish");
        return new Build(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    private static List<JsonNode> documents(String text) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(text)) {
            while (it.hasNext()) {
                JsonNode doc = it.next();
                if (doc != null && doc.isObject() && !doc.isEmpty()) {
                    out.add(doc);
                }
            }
        }
        return out;
    }

    private static String key(JsonNode doc) {
        return doc.path("apiVersion").asText() + " " + doc.path("kind").asText() + " "
                + doc.path("metadata").path("namespace").asText("") + "/" + doc.path("metadata").path("name").asText();
    }

    @Test
    void render_sampleFleet_makesOneFolderPerCluster() throws IOException {
        try (var s = Files.list(repo.resolve("clusters"))) {
            assertEquals(List.of("aks-dev", "aks-prod", "eks-dev", "eks-minimal", "eks-prod"),
                    s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"aks-dev", "aks-prod", "eks-dev", "eks-minimal", "eks-prod"})
    void kustomize_sampleCluster_buildsEveryListedResourceWithTiersBeforePolicies(String cluster) throws Exception {
        assumeTrue(kubectl, "kubectl is not on the PATH: kustomize checks are skipped");
        Path dir = repo.resolve("clusters").resolve(cluster).resolve("calico");
        JsonNode kustomization = YAML.readTree(Files.readString(dir.resolve("kustomization.yaml"), StandardCharsets.UTF_8));
        List<String> listed = new ArrayList<>();
        kustomization.path("resources").forEach(r -> listed.add(r.asText()));
        Set<String> expected = new TreeSet<>();
        for (String file : listed) {
            documents(Files.readString(dir.resolve(file))).forEach(d -> expected.add(key(d)));
        }

        Build build = kustomize(dir);

        assertEquals(0, build.exitCode(), build.err());
        long kindLines = build.out().lines().filter(l -> l.startsWith("kind:")).count();
        assertEquals(listed.size(), kindLines, "one document per listed resource");
        List<JsonNode> built = documents(build.out());
        assertEquals(expected, new TreeSet<>(built.stream().map(KubectlKustomizeTest::key).toList()));
        List<String> kinds = built.stream().map(d -> d.path("kind").asText()).toList();
        int lastTier = kinds.lastIndexOf("Tier");
        int firstPolicy = kinds.stream().filter(POLICY_KINDS::contains).findFirst().map(kinds::indexOf).orElse(kinds.size());
        assertTrue(lastTier >= 0, "has Tiers: " + kinds);
        assertTrue(firstPolicy < kinds.size(), "has policies: " + kinds);
        assertTrue(lastTier < firstPolicy, "Tiers come before the first policy (sortOptions fifo): " + kinds);
    }

    @ParameterizedTest
    @ValueSource(strings = {"aks-prod", "eks-prod"})
    void kustomize_bootstrapFolder_buildsTheSyncObjectPointingAtTheClusterFolder(String cluster) throws Exception {
        assumeTrue(kubectl, "kubectl is not on the PATH: kustomize checks are skipped");
        Build build = kustomize(repo.resolve("bootstrap").resolve(cluster));

        assertEquals(0, build.exitCode(), build.err());
        // Argo CD: the Application and its AppProject; Flux: the Tiers' and the policies' Kustomizations.
        List<JsonNode> syncs = documents(build.out()).stream()
                .filter(d -> List.of("Application", "Kustomization").contains(d.path("kind").asText())).toList();
        assertEquals(cluster.startsWith("aks") ? 2 : 1, syncs.size(), build.out());
        for (JsonNode sync : syncs) {
            String path = sync.path("kind").asText().equals("Application") ? sync.at("/spec/source/path").asText()
                    : sync.at("/spec/path").asText();
            assertTrue(path.equals("clusters/" + cluster + "/calico") || path.startsWith("./clusters/" + cluster + "/calico/flux-"), path);
            assertTrue(Files.isDirectory(repo.resolve(path)), "the synced folder exists: " + path);
        }
    }

    @Test
    void kustomize_scheduledAuditCluster_buildsTheCronJobWithTheAuditorServiceAccountAndNoSecretValues() throws Exception {
        assumeTrue(kubectl, "kubectl is not on the PATH: kustomize checks are skipped");
        Build build = kustomize(repo.resolve("clusters/eks-prod/calico"));

        assertEquals(0, build.exitCode(), build.err());
        List<JsonNode> built = documents(build.out());
        JsonNode cron = built.stream().filter(d -> d.path("kind").asText().equals("CronJob")).findFirst().orElseThrow();
        JsonNode pod = cron.at("/spec/jobTemplate/spec/template/spec");
        String account = pod.path("serviceAccountName").asText();
        assertTrue(built.stream().anyMatch(d -> d.path("kind").asText().equals("ServiceAccount")
                && d.at("/metadata/name").asText().equals(account)
                && d.at("/metadata/namespace").asText().equals(cron.at("/metadata/namespace").asText())), account);
        assertTrue(built.stream().anyMatch(d -> d.path("kind").asText().equals("ClusterRoleBinding")
                && d.at("/subjects/0/name").asText().equals(account)));
        assertEquals("fleet-repo-git", pod.at("/volumes/2/secret/secretName").asText());
        assertTrue(built.stream().noneMatch(d -> d.path("kind").asText().equals("Secret")), "Secrets are referenced, never rendered");
        assertTrue(pod.at("/containers/0/command/0").asText().endsWith("audit-entrypoint.sh"));
    }

    @Test
    void kustomize_fluxStageFolders_splitTheClusterFolderTiersFirst() throws Exception {
        assumeTrue(kubectl, "kubectl is not on the PATH: kustomize checks are skipped");
        Path folder = repo.resolve("clusters/aks-prod/calico");
        // Flux confines files to the source's root, not the kustomization's folder (fluxcd/pkg#262); kubectl needs the flag.
        Build tiers = kustomize(folder.resolve("flux-tiers"), "--load-restrictor", "LoadRestrictionsNone");
        Build rest = kustomize(folder.resolve("flux-policies"), "--load-restrictor", "LoadRestrictionsNone");
        Build all = kustomize(folder);
        assertEquals(0, tiers.exitCode(), tiers.err());
        assertEquals(0, rest.exitCode(), rest.err());
        List<String> tierKinds = documents(tiers.out()).stream().map(d -> d.path("kind").asText()).distinct().toList();
        assertEquals(List.of("Tier"), tierKinds);
        Set<String> split = new TreeSet<>();
        for (JsonNode d : documents(tiers.out())) {
            split.add(d.path("kind").asText() + "/" + d.at("/metadata/namespace").asText() + "/" + d.at("/metadata/name").asText());
        }
        for (JsonNode d : documents(rest.out())) {
            assertTrue(split.add(d.path("kind").asText() + "/" + d.at("/metadata/namespace").asText() + "/" + d.at("/metadata/name").asText()),
                    "in one stage only: " + d);
        }
        Set<String> whole = new TreeSet<>();
        documents(all.out()).forEach(d -> whole.add(d.path("kind").asText() + "/" + d.at("/metadata/namespace").asText() + "/"
                + d.at("/metadata/name").asText()));
        assertEquals(whole, split);
    }
}
