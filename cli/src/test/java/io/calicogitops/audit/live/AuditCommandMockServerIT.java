package io.calicogitops.audit.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calicogitops.audit.ApiServerRoundTrip;
import io.calicogitops.cli.Main;
import io.calicogitops.diag.Diagnostics;
import io.calicogitops.driftlog.DriftLog;
import io.calicogitops.git.GitRepo;
import io.calicogitops.model.Kinds;
import io.calicogitops.render.Generator;
import io.calicogitops.render.RepoUpdate;
import io.calicogitops.yaml.YamlReader;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

import static io.calicogitops.audit.live.MockLists.emptyList;
import static io.calicogitops.audit.live.MockLists.status;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code calico-gitops audit --kubeconfig} end to end over HTTP against fabric8's mock API server in CRUD mode, which
 * holds the sample cluster eks-dev as the Calico API server returns it ({@code sample-repo/live/eks-dev.yaml}): served
 * as {@code projectcalico.org/v3}, or only as the {@code crd.projectcalico.org/v1} CRDs. In sync, one object changed,
 * a 403, a 500 and a kind the repository uses that the cluster does not serve; the kubeconfig's token never shows.
 */
@EnableKubernetesMockClient(crud = true)
class AuditCommandMockServerIT {

    static {
        MockApi.quiet();
    }

    private static final String TOKEN = "mock-bearer-token-0f1e2d3c4b5a69788796a5b4";
    private static final String CLUSTER = "eks-dev";
    private static final String V3 = "projectcalico.org/v3";
    private static final String V1 = "crd.projectcalico.org/v1";
    /** The non-Calico kinds of the eks-dev folder, with where a cluster serves them. */
    private static final List<String[]> OTHER_KINDS = List.of(
            new String[] {"v1", "namespaces", "Namespace"},
            new String[] {"v1", "serviceaccounts", "ServiceAccount"},
            new String[] {"rbac.authorization.k8s.io/v1", "clusterroles", "ClusterRole"},
            new String[] {"rbac.authorization.k8s.io/v1", "clusterrolebindings", "ClusterRoleBinding"},
            new String[] {"networking.k8s.io/v1", "networkpolicies", "NetworkPolicy"},
            new String[] {"operator.tigera.io/v1", "installations", "Installation"});

    @TempDir
    static Path shared;
    static Path repo;

    KubernetesMockServer server;
    KubernetesClient client;

    @TempDir
    Path dir;

    /** One run of the command line: exit code, stdout and stderr. */
    record Run(int exit, String out, String err) {
        String transcript() {
            return "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    @BeforeAll
    static void renderTheSampleFleet() {
        Path sample = Path.of(System.getProperty("project.root", "..")).toAbsolutePath().normalize().resolve("sample-repo");
        repo = shared.resolve("gitops");
        RepoUpdate.write(new Generator().render(new Generator.RenderRequest(sample.resolve("fleet"), Optional.empty(),
                Optional.empty(), List.of(CLUSTER), Path::toString)), repo, false, false, "render eks-dev");
    }

    @Test
    void audit_v3Layout_inSync_exits0() throws IOException {
        cluster(V3, Set.of());

        Run run = audit();

        assertEquals(0, run.exit(), run.transcript());
        assertTrue(run.out().contains("\nIN SYNC\n"), run.transcript());
        assertTrue(run.out().contains(" vs context mock, projectcalico.org/v3\n"), run.transcript());
        assertEquals("", run.err());
    }

    @Test
    void audit_v3Layout_oneObjectChanged_exits1WithTheSentence() throws IOException {
        cluster(V3, Set.of());
        replace(V3, "GlobalNetworkPolicy", "security.pci-whitelist",
                o -> ((ObjectNode) o.get("spec").get("egress").get(1)).put("action", "Allow"));

        Run run = audit();

        assertEquals(1, run.exit(), run.transcript());
        assertTrue(run.out().contains("\nDRIFT: 1 critical\n"), run.transcript());
        assertTrue(run.out().contains("- egress rule 2: action Deny -> Allow\n"), run.transcript());
    }

    @Test
    void audit_v1Layout_inSync_exits0() throws IOException {
        cluster(V1, Set.of());

        Run run = audit();

        assertEquals(0, run.exit(), run.transcript());
        assertTrue(run.out().contains("\nIN SYNC\n"), run.transcript());
        assertTrue(run.out().contains(" vs context mock, crd.projectcalico.org/v1 (no Calico API server)\n"), run.transcript());
    }

    @Test
    void audit_v1Layout_oneObjectChanged_exits1WithTheSentence() throws IOException {
        cluster(V1, Set.of());
        replace(V1, "GlobalReport", "cluster-inventory", o -> ((ObjectNode) o.get("spec")).put("schedule", "*/5 * * * *"));

        Run run = audit();

        assertEquals(1, run.exit(), run.transcript());
        assertTrue(run.out().contains("\nDRIFT: 1 warning\n"), run.transcript());
        assertTrue(run.out().contains("- schedule: */15 * * * * -> */5 * * * *\n"), run.transcript());
    }

    @Test
    void audit_forbiddenOnOneKind_exits4NamingTheKindAndNeverSaysInSync() throws IOException {
        cluster(V3, Set.of());
        server.expect().get().withPath("/apis/projectcalico.org/v3/globalalerts?limit=500").andReturn(403, status(403,
                "Forbidden", "globalalerts.projectcalico.org is forbidden: User \"system:serviceaccount:audit:auditor\""
                        + " cannot list resource \"globalalerts\" in API group \"projectcalico.org\" at the cluster scope"))
                .always();

        Run run = audit();

        assertEquals(4, run.exit(), run.transcript());
        assertTrue(run.err().startsWith("error: list globalalerts.projectcalico.org/v3 in context 'mock': forbidden"
                + " (HTTP 403 Forbidden"), run.transcript());
        assertTrue(run.err().contains("the auditor's RBAC must allow get and list on projectcalico.org/GlobalAlert"), run.transcript());
        assertNeverInSync(run);
    }

    @Test
    void audit_tierListHoldsPoliciesAndThePolicyListIsEmpty_exits4AndNeverSaysInSync() throws IOException {
        cluster(V3, Set.of());
        server.expect().get().withPath("/apis/projectcalico.org/v3/globalnetworkpolicies?limit=500")
                .andReturn(200, emptyList(V3, "GlobalNetworkPolicy")).always();
        server.expect().get().withPath("/apis/projectcalico.org/v3/tiers?limit=500").andReturn(200, """
                {"apiVersion":"projectcalico.org/v3","kind":"TierList","metadata":{},"items":[
                {"apiVersion":"projectcalico.org/v3","kind":"GlobalNetworkPolicy","metadata":{"name":"security.pci-whitelist"},
                "spec":{"tier":"security","selector":"all()"}}]}""").always();

        Run run = audit();

        assertEquals(4, run.exit(), run.transcript());
        assertEquals("error: list tiers.projectcalico.org/v3 in context 'mock' failed: the answer is not a list of "
                + "projectcalico.org/v3 Tier: items[0] (security.pci-whitelist) is a GlobalNetworkPolicy\n", run.err());
        assertNeverInSync(run);
    }

    @Test
    void audit_serverError_exits4AfterRetrying() throws IOException {
        cluster(V3, Set.of());
        server.expect().get().withPath("/apis/operator.tigera.io/v1/installations?limit=500")
                .andReturn(500, status(500, "InternalError", "etcdserver: leader changed")).always();

        Run run = audit();

        assertEquals(4, run.exit(), run.transcript());
        assertEquals("error: list installations.operator.tigera.io/v1 in context 'mock' failed after 3 attempts:"
                + " HTTP 500 Internal Server Error: etcdserver: leader changed\n", run.err());
        assertNeverInSync(run);
    }

    @Test
    void audit_kindTheRepoUsesIsNotServed_exits4NamingIt() throws IOException {
        cluster(V3, Set.of("GlobalThreatFeed"));

        Run run = audit();

        assertEquals(4, run.exit(), run.transcript());
        assertTrue(run.err().startsWith("error: kind projectcalico.org/GlobalThreatFeed is not served by this cluster"
                + " (context 'mock': not in the discovery documents of projectcalico.org/v3)"), run.transcript());
        assertNeverInSync(run);
    }

    @Test
    void audit_operatorKindNotServedInV1Layout_exits4NamingIt() throws IOException {
        cluster(V1, Set.of("Installation"));

        Run run = audit();

        assertEquals(4, run.exit(), run.transcript());
        assertTrue(run.err().startsWith("error: kind operator.tigera.io/Installation is not served by this cluster"),
                run.transcript());
        assertNeverInSync(run);
    }

    @Test
    void audit_listFailsHalfWayThroughItsPages_exits4RecordsTheFailureAndNeverSaysInSync() throws IOException {
        cluster(V3, Set.of());
        String gnps = "/apis/projectcalico.org/v3/globalnetworkpolicies";
        server.expect().get().withPath(gnps + "?limit=500").andReturn(200, MockLists.gnpPage(0, 500, "page-2")).always();
        server.expect().get().withPath(gnps + "?continue=page-2&limit=500")
                .andReturn(500, status(500, "InternalError", "etcdserver: request timed out")).always();

        Run run = audit("--record", "--now", "2026-03-01T00:00:00Z");

        assertEquals(4, run.exit(), run.transcript());
        assertTrue(run.err().contains("error: list globalnetworkpolicies.projectcalico.org/v3 (page 2, after 500 objects) in context"
                + " 'mock' failed after 3 attempts: HTTP 500 Internal Server Error: etcdserver: request timed out\n"), run.transcript());
        assertTrue(run.err().contains("recorded: eks-dev entry "), run.transcript());
        assertTrue(run.err().contains(" (failed) in log/eks-dev/"), "the drift log says the audit failed\n" + run.transcript());
        assertNeverInSync(run);
    }

    @Test
    void audit_credentialsRejected_tokenIsNeitherPrintedNorRecordedInTheDriftLog() throws IOException {
        server.expect().get().withPath("/apis").andReturn(401, status(401, "Unauthorized",
                "Unauthorized: bearer token " + TOKEN + " has expired")).always();

        Run run = audit("--record", "--now", "2026-03-02T00:00:00Z");

        assertEquals(4, run.exit(), run.transcript());
        assertTrue(run.err().contains("the cluster rejected the credentials (HTTP 401 Unauthorized"), run.transcript());
        assertTrue(run.err().contains(" (failed) in log/eks-dev/"), run.transcript());
        try (GitRepo git = GitRepo.open(repo)) {
            String tip = git.tip(DriftLog.BRANCH).orElseThrow();
            List<String> entries = new ArrayList<>();
            git.forEachFile(tip, "log", (path, bytes) -> entries.add(new String(bytes, java.nio.charset.StandardCharsets.UTF_8)));
            assertTrue(entries.stream().anyMatch(e -> e.contains("the cluster rejected the credentials")), entries.toString());
            assertTrue(entries.stream().noneMatch(e -> e.contains(TOKEN)), "an entry holds the token: " + entries);
            assertTrue(git.history(DriftLog.BRANCH).stream().noneMatch(c -> c.message().contains(TOKEN)), "a commit message holds the token");
        }
    }

    private static void assertNeverInSync(Run run) {
        assertEquals("", run.out(), "no report on partial data (e.g. the first page alone)");
        assertFalse(run.err().toLowerCase(Locale.ROOT).contains("in sync"), run.transcript());
    }

    /** Runs {@code calico-gitops audit} through the real command line with a kubeconfig that points at the mock. */
    private Run audit(String... extra) throws IOException {
        Path kubeconfig = MockKubeconfig.write(dir.resolve("kubeconfig"), server, "auditor", TOKEN);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cmd = Main.commandLine();
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        List<String> args = new ArrayList<>(List.of("audit", "--repo", repo.toString(), "--cluster", CLUSTER,
                "--kubeconfig", kubeconfig.toString()));
        args.addAll(List.of(extra));
        int exit = cmd.execute(args.toArray(String[]::new));
        Run run = new Run(exit, out.toString(), err.toString());
        assertFalse(run.out().contains(TOKEN) || run.err().contains(TOKEN), "the token leaked:\n" + run.transcript());
        return run;
    }

    /**
     * Serves discovery for every Calico kind in {@code calicoGroupVersion} (except {@code unserved}) and the other kinds
     * of the eks-dev folder, and stores every object of the eks-dev snapshot as that layout holds it.
     */
    private void cluster(String calicoGroupVersion, Set<String> unserved) {
        MockApi api = new MockApi().calicoKinds(calicoGroupVersion, unserved);
        Set<String> calicoKinds = new TreeSet<>();
        for (Kinds.Kind k : Kinds.all()) {
            if (k.group().equals(Kinds.CALICO_GROUP) && !unserved.contains(k.kind())) {
                calicoKinds.add(k.kind());
            }
        }
        for (String[] other : OTHER_KINDS) {
            if (!unserved.contains(other[2])) {
                api.serveKnown(other[0], other[1], other[2]);
            }
        }
        api.install(server);
        for (JsonNode item : snapshotItems()) {
            String apiVersion = item.path("apiVersion").asText();
            String kind = item.path("kind").asText();
            ObjectNode body = (ObjectNode) item.deepCopy();
            if (apiVersion.equals(V3)) {
                if (!calicoKinds.contains(kind)) {
                    continue;
                }
                if (calicoGroupVersion.equals(V1)) {
                    body = ApiServerRoundTrip.v1(body);
                }
            } else if (OTHER_KINDS.stream().noneMatch(o -> o[0].equals(apiVersion) && o[2].equals(kind))
                    || unserved.contains(kind)) {
                continue;
            }
            create(body);
        }
    }

    /** The items of {@code sample-repo/live/eks-dev.yaml}: what the Calico API server returns for eks-dev. */
    private static List<JsonNode> snapshotItems() {
        Path file = Path.of(System.getProperty("project.root", "..")).toAbsolutePath().normalize()
                .resolve("sample-repo/live/" + CLUSTER + ".yaml");
        Diagnostics diagnostics = new Diagnostics();
        JsonNode list = new YamlReader().readFile(file, file.toString(), diagnostics).get(0).body();
        assertFalse(diagnostics.hasErrors(), diagnostics::format);
        List<JsonNode> items = new ArrayList<>();
        list.path("items").forEach(items::add);
        assertTrue(items.size() > 20, "the snapshot holds the cluster: " + items.size());
        return items;
    }

    private void create(ObjectNode body) {
        MockApi.create(client, body);
    }

    /** Deletes a cluster-scoped object and stores it again after {@code change}, as someone editing the cluster would. */
    private void replace(String apiVersion, String kind, String name, Consumer<ObjectNode> change) {
        var objects = client.genericKubernetesResources(apiVersion, kind);
        ObjectNode body = client.getKubernetesSerialization().convertValue(objects.withName(name).get(), ObjectNode.class);
        objects.withName(name).delete();
        change.accept(body);
        create(body);
    }

    @Test
    void audit_watch_serverErrorsThenRecovery_reportsBacksOffRecordsBothAndGoesOn() throws IOException {
        cluster(V3, Set.of());
        // Three 500s use up the reader's own retries: the first audit fails; then the CRUD store answers again.
        server.expect().get().withPath("/apis/operator.tigera.io/v1/installations?limit=500")
                .andReturn(500, status(500, "InternalError", "etcdserver: leader changed")).times(3);

        Run run = audit("--watch", "--interval", "5ms", "--max-runs", "3", "--record", "--backoff-seed", "7");

        assertEquals(0, run.exit(), "the last audit was in sync: " + run.transcript());
        assertTrue(run.err().contains("watch: audit 1 failed: list installations.operator.tigera.io/v1 in context 'mock'"
                + " failed after 3 attempts: HTTP 500 Internal Server Error: etcdserver: leader changed; retrying in 1ms"),
                run.transcript());
        assertFalse(run.err().contains("audit 2 failed"), run.transcript());
        assertEquals(2, run.out().split("\nIN SYNC\n", -1).length - 1, "two reports: " + run.transcript());
        // The class's tests share one repository, so entry numbers depend on which ran first; their order does not.
        List<String> recorded = run.err().lines().filter(l -> l.startsWith("recorded: eks-dev entry "))
                .map(l -> l.replaceAll("entry [0-9]+ ", "entry N ").replaceAll(" in log/.*", "")).toList();
        assertEquals(List.of("recorded: eks-dev entry N (failed)", "recorded: eks-dev entry N (in sync)",
                "recorded: eks-dev entry N (in sync)"), recorded, run.transcript());
        StringWriter out = new StringWriter();
        CommandLine verify = Main.commandLine();
        verify.setOut(new PrintWriter(out, true));
        assertEquals(0, verify.execute("log", "verify", "--repo", repo.toString(), "--cluster", CLUSTER), out.toString());
    }

    @Test
    void audit_watch_driftAppears_keepsAuditingAndEndsWithTheLastVerdict() throws IOException {
        cluster(V3, Set.of());
        replace(V3, "GlobalNetworkPolicy", "security.pci-whitelist",
                o -> ((ObjectNode) o.get("spec").get("egress").get(1)).put("action", "Allow"));

        Run run = audit("--watch", "--interval", "1ms", "--max-runs", "2");

        assertEquals(1, run.exit(), run.transcript());
        assertEquals(2, run.out().split("\nDRIFT: 1 critical\n", -1).length - 1, run.transcript());
        assertFalse(run.err().contains("failed"), run.transcript());
    }
}
