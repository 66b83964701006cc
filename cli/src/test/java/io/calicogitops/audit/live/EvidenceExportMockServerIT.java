package io.calicogitops.audit.live;

import com.fasterxml.jackson.databind.JsonNode;
import io.calicogitops.cli.Main;
import io.calicogitops.diag.Diagnostics;
import io.calicogitops.render.Generator;
import io.calicogitops.render.RepoUpdate;
import io.calicogitops.yaml.YamlReader;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code calico-gitops evidence export --kubeconfig} against fabric8's mock API server holding the sample cluster
 * eks-dev: the objects read become {@code live/snapshot.yaml}, the drift report says in sync, and neither the
 * kubeconfig's token nor its path appears in any file of the bundle.
 */
@EnableKubernetesMockClient(crud = true)
class EvidenceExportMockServerIT {

    static {
        MockApi.quiet();
    }

    private static final String TOKEN = "evidence-bearer-token-5e4d3c2b1a0f";
    private static final String CLUSTER = "eks-dev";
    private static final List<String[]> OTHER_KINDS = List.of(
            new String[] {"v1", "namespaces", "Namespace"},
            new String[] {"v1", "serviceaccounts", "ServiceAccount"},
            new String[] {"rbac.authorization.k8s.io/v1", "clusterroles", "ClusterRole"},
            new String[] {"rbac.authorization.k8s.io/v1", "clusterrolebindings", "ClusterRoleBinding"},
            new String[] {"networking.k8s.io/v1", "networkpolicies", "NetworkPolicy"},
            new String[] {"operator.tigera.io/v1", "installations", "Installation"});

    KubernetesMockServer server;
    KubernetesClient client;

    @TempDir
    Path dir;

    @Test
    void export_fromACluster_writesTheObjectsReadAsAListAndNeverTheToken() throws IOException {
        Path repo = dir.resolve("gitops");
        Path sample = Path.of(System.getProperty("project.root", "..")).toAbsolutePath().normalize().resolve("sample-repo");
        RepoUpdate.write(new Generator().render(new Generator.RenderRequest(sample.resolve("fleet"), Optional.empty(),
                Optional.empty(), List.of(CLUSTER), Path::toString)), repo, false, false, "render eks-dev");
        serveTheSampleCluster(sample);
        Path kubeconfig = MockKubeconfig.write(dir.resolve("kubeconfig-of-alice"), server, "auditor", TOKEN);
        Path out = dir.resolve("evidence.zip");
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();
        CommandLine cmd = Main.commandLine();
        cmd.setOut(new PrintWriter(stdout, true));
        cmd.setErr(new PrintWriter(stderr, true));

        int exit = cmd.execute("evidence", "export", "--repo", repo.toString(), "--cluster", CLUSTER, "--since", "2000-01-01",
                "--until", "2100-12-31", "--kubeconfig", kubeconfig.toString(), "--out", out.toString());

        String transcript = "exit " + exit + "\n" + stdout + stderr;
        assertEquals(0, exit, transcript);
        assertTrue(stdout.toString().contains("\ndrift report: in sync\n"), transcript);
        assertFalse(transcript.contains(TOKEN), transcript);
        try (ZipFile zip = new ZipFile(out.toFile())) {
            for (ZipEntry e : Collections.list(zip.entries())) {
                String content;
                try (InputStream in = zip.getInputStream(e)) {
                    content = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
                assertFalse(content.contains(TOKEN), e.getName() + " holds the kubeconfig's token");
                assertFalse(content.contains("kubeconfig-of-alice") || content.contains(dir.toString()),
                        e.getName() + " names the kubeconfig's path");
                if (e.getName().equals("live/snapshot.yaml")) {
                    assertTrue(content.startsWith("apiVersion: v1\nkind: List\nitems:\n"), content.substring(0, 60));
                    assertTrue(content.contains("name: security.pci-whitelist"), "the objects read from the cluster");
                }
                if (e.getName().equals("audit/drift-report.json")) {
                    assertTrue(content.contains("\"liveSource\": \"context mock, projectcalico.org/v3\""), content.substring(0, 400));
                }
            }
        }
    }

    /**
     * With the fleet, the segmentation check and diagrams run on the cluster too; this cluster serves no Pods, so the
     * bundle says why it could not be evaluated, and still holds neither the token nor the kubeconfig's path.
     */
    @Test
    void export_fromAClusterWithTheFleet_thatServesNoPods_saysWhyTheLiveStateWasNotEvaluated_andNeverNamesTheToken() throws IOException {
        Path repo = dir.resolve("gitops");
        Path sample = Path.of(System.getProperty("project.root", "..")).toAbsolutePath().normalize().resolve("sample-repo");
        RepoUpdate.write(new Generator().render(new Generator.RenderRequest(sample.resolve("fleet"), Optional.empty(),
                Optional.empty(), List.of(CLUSTER), Path::toString)), repo, false, false, "render eks-dev");
        serveTheSampleCluster(sample);
        Path kubeconfig = MockKubeconfig.write(dir.resolve("kubeconfig-of-alice"), server, "auditor", TOKEN);
        Path out = dir.resolve("evidence.zip");
        StringWriter stdout = new StringWriter();
        CommandLine cmd = Main.commandLine();
        cmd.setOut(new PrintWriter(stdout, true));
        cmd.setErr(new PrintWriter(new StringWriter(), true));

        int exit = cmd.execute("evidence", "export", "--repo", repo.toString(), "--cluster", CLUSTER, "--since", "2000-01-01",
                "--until", "2100-12-31", "--kubeconfig", kubeconfig.toString(), "--fleet", sample.resolve("fleet").toString(),
                "--out", out.toString());

        assertEquals(0, exit, stdout.toString());
        boolean live = false;
        try (ZipFile zip = new ZipFile(out.toFile())) {
            for (ZipEntry e : Collections.list(zip.entries())) {
                String content;
                try (InputStream in = zip.getInputStream(e)) {
                    content = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
                assertFalse(content.contains(TOKEN), e.getName() + " holds the kubeconfig's token");
                assertFalse(content.contains("kubeconfig-of-alice") || content.contains(dir.toString()),
                        e.getName() + " names the kubeconfig's path");
                if (e.getName().equals("segmentation/live.json")) {
                    live = true;
                    // The mock serves no Pods: the bundle says the live state could not be evaluated, and why.
                    assertTrue(content.contains("\"evaluated\": false") && content.contains("kind /Pod is not served"), content);
                }
            }
        }
        assertTrue(live, "the live evaluation's result or why it could not run");
    }

    /** Discovery for every Calico kind (v3) and the other kinds of the eks-dev folder, and the eks-dev snapshot's objects. */
    private void serveTheSampleCluster(Path sample) {
        MockApi api = new MockApi().calicoKinds("projectcalico.org/v3", Set.of());
        for (String[] other : OTHER_KINDS) {
            api.serveKnown(other[0], other[1], other[2]);
        }
        api.install(server);
        Path file = sample.resolve("live/" + CLUSTER + ".yaml");
        Diagnostics diagnostics = new Diagnostics();
        JsonNode list = new YamlReader().readFile(file, file.toString(), diagnostics).get(0).body();
        for (JsonNode item : list.path("items")) {
            String apiVersion = item.path("apiVersion").asText();
            String kind = item.path("kind").asText();
            if (!apiVersion.equals("projectcalico.org/v3")
                    && OTHER_KINDS.stream().noneMatch(o -> o[0].equals(apiVersion) && o[2].equals(kind))) {
                continue;
            }
            MockApi.create(client, item);
        }
    }
}
