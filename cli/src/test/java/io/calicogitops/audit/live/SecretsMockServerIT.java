package io.calicogitops.audit.live;

import io.calicogitops.audit.LiveQuery;
import io.calicogitops.audit.LiveSnapshot;
import io.calicogitops.audit.SecretFixtures;
import io.calicogitops.cli.Main;
import io.calicogitops.git.FileChange;
import io.calicogitops.git.GitRepo;
import io.calicogitops.model.Resource;
import io.calicogitops.model.ResourceId;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.http.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import static io.calicogitops.audit.SecretFixtures.DESIRED;
import static io.calicogitops.audit.SecretFixtures.LIVE;
import static io.calicogitops.audit.SecretFixtures.NAME;
import static io.calicogitops.audit.SecretFixtures.NAMESPACE;
import static io.calicogitops.audit.SecretFixtures.assertNoValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Secrets against fabric8's mock API server in CRUD mode: the reader never lists Secrets (not cluster-wide, not in a
 * namespace), it GETs exactly the ones asked for by name, a 404 means missing; {@code audit --kubeconfig} reports the
 * changed key and prints no value.
 */
@EnableKubernetesMockClient(crud = true)
class SecretsMockServerIT {

    static {
        MockApi.quiet();
    }

    private static final String TOKEN = "mock-bearer-token-5ec7e75-0000-1111";
    private static final ResourceId DB = new ResourceId("", "Secret", NAMESPACE, NAME);
    private static final ResourceId GONE = new ResourceId("", "Secret", NAMESPACE, "not-there");

    KubernetesMockServer server;
    KubernetesClient client;

    @TempDir
    Path dir;

    @Test
    void read_secretsAskedByName_getsEachByNameAndNeverLists() throws InterruptedException {
        serveCalico();
        MockApi.create(client, "", "v1", "secrets", true, SecretFixtures.liveSecretYaml(LIVE));
        MockApi.create(client, "", "v1", "secrets", true, SecretFixtures.otherSecretYaml());
        KubeLiveReader reader = KubeLiveReader.of(client.getConfiguration(), "mock", Duration.ofSeconds(5),
                new ReadSettings(500, 3, Duration.ofMillis(1)));

        LiveSnapshot snapshot = reader.read(new LiveQuery(new TreeSet<>(Set.of("projectcalico.org/Tier")),
                new TreeSet<>(Set.of(DB, GONE))));

        List<ResourceId> read = snapshot.resources().stream().map(Resource::id).filter(id -> id.kind().equals("Secret")).toList();
        assertEquals(List.of(DB), read, "the one that exists, and only it; a 404 is simply absent");
        List<String> secretRequests = secretRequests();
        assertEquals(List.of("GET /api/v1/namespaces/payments/secrets/db-credentials",
                "GET /api/v1/namespaces/payments/secrets/not-there"), secretRequests);
    }

    @Test
    void liveQuery_secretKindToList_isRefused() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> LiveQuery.of(Set.of("/Secret")));
        assertTrue(e.getMessage().contains("never listed"), e.getMessage());
    }

    @Test
    void audit_secretInGitDiffersInTheCluster_reportsTheKeyGetsByNameAndPrintsNoValue() throws Exception {
        serveCalico();
        MockApi.create(client, "", "v1", "secrets", true, SecretFixtures.liveSecretYaml(LIVE));
        MockApi.create(client, "", "v1", "secrets", true, SecretFixtures.otherSecretYaml());
        Path repo = dir.resolve("repo");
        try (GitRepo git = GitRepo.openOrInit(repo)) {
            git.commit(List.of(
                    new FileChange("clusters/c1/secret.yaml", FileChange.Type.ADDED, null,
                            SecretFixtures.desiredYaml(DESIRED).getBytes(StandardCharsets.UTF_8)),
                    new FileChange("clusters/c1/secret-gone.yaml", FileChange.Type.ADDED, null,
                            SecretFixtures.desiredYaml(DESIRED).replace("name: " + NAME, "name: not-there")
                                    .getBytes(StandardCharsets.UTF_8))), "two secrets", git.identity());
        }
        Path kubeconfig = MockKubeconfig.write(dir.resolve("kubeconfig"), server, "auditor", TOKEN);
        List<String> formats = List.of("text", "json", "markdown", "html", "junit", "sarif");
        for (String format : formats) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            CommandLine cmd = Main.commandLine();
            cmd.setOut(new PrintWriter(out, true));
            cmd.setErr(new PrintWriter(err, true));

            int exit = cmd.execute("audit", "--repo", repo.toString(), "--cluster", "c1", "--kubeconfig",
                    kubeconfig.toString(), "-o", format);

            String transcript = "exit " + exit + "\n" + out + "\n--- stderr\n" + err;
            assertEquals(1, exit, transcript);
            assertTrue(out.toString().contains("data.password changed (values hidden)"), transcript);
            assertTrue(out.toString().contains("not-there"), "the Secret the cluster lacks is missing: " + transcript);
            assertNoValue("audit -o " + format, out + err.toString());
        }
        List<String> requests = secretRequests();
        assertTrue(requests.stream().allMatch(r -> r.equals("GET /api/v1/namespaces/payments/secrets/db-credentials")
                || r.equals("GET /api/v1/namespaces/payments/secrets/not-there")), requests.toString());
        assertEquals(2 * formats.size(), requests.size(), "two GETs by name per audit: " + requests);
    }

    /** Every request the mock saw that touches Secrets, other than the test's own creates: {@code METHOD path}. */
    private List<String> secretRequests() throws InterruptedException {
        List<String> out = new ArrayList<>();
        int count = server.getRequestCount();
        for (int i = 0; i < count; i++) {
            RecordedRequest r = server.takeRequest(1, TimeUnit.SECONDS);
            if (r != null && r.getPath().contains("secrets") && !r.getMethod().equals("POST")) {
                out.add(r.getMethod() + " " + r.getPath());
            }
        }
        return out;
    }

    /** Discovery for every Calico kind as projectcalico.org/v3, with no objects, and for core Secrets (never listed). */
    private void serveCalico() {
        new MockApi().serve("v1", "secrets", "Secret", true).calicoKinds("projectcalico.org/v3", Set.of()).install(server);
    }

    @Test
    void forbiddenSecret_hintsAtGetByNameNotTheClusterRole() throws IOException {
        serveCalico();
        server.expect().get().withPath("/api/v1/namespaces/payments/secrets/db-credentials").andReturn(403,
                MockLists.status(403, "Forbidden", "secrets \"db-credentials\" is forbidden")).always();
        KubeLiveReader reader = KubeLiveReader.of(client.getConfiguration(), "mock", Duration.ofSeconds(5),
                new ReadSettings(500, 1, Duration.ofMillis(1)));

        var e = org.junit.jupiter.api.Assertions.assertThrows(io.calicogitops.diag.ClusterAccessException.class,
                () -> reader.read(new LiveQuery(new TreeSet<>(), new TreeSet<>(Set.of(DB)))));

        assertTrue(e.getMessage().startsWith("get Secret payments/db-credentials in context 'mock': forbidden"), e.getMessage());
        assertTrue(e.getMessage().contains("need get on secrets (never list)"), e.getMessage());
    }
}
