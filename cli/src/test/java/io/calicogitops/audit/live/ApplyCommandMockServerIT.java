package io.calicogitops.audit.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.calicogitops.git.FileChange;
import io.calicogitops.git.GitRepo;
import io.calicogitops.model.ProductStamps;
import io.calicogitops.render.Generator;
import io.calicogitops.render.RepoUpdate;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static io.calicogitops.audit.live.ApplyCluster.V1;
import static io.calicogitops.audit.live.ApplyCluster.V3;
import static io.calicogitops.audit.live.MockLists.status;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code calico-gitops apply} end to end over HTTP against fabric8's mock API server in CRUD mode, with the sample
 * cluster eks-dev rendered into a real Git repository: commit A as rendered, commit B with one policy changed, one
 * removed and one added. Apply, converge, prune, roll back, fail half-way and re-run, dry run against the apply that
 * follows it; each time the audit of the same cluster must then say in sync.
 */
@EnableKubernetesMockClient(crud = true)
class ApplyCommandMockServerIT {

    static {
        MockApi.quiet();
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CLUSTER = "eks-dev";
    private static final String FOLDER = "clusters/" + CLUSTER + "/calico/";
    private static final String PCI = "globalnetworkpolicy-security.pci-whitelist.yaml";
    private static final String BLOCK_IPS = "globalnetworkpolicy-security.block-ips.yaml";
    private static final String ADDED = "globalnetworkpolicy-security.added-in-b.yaml";

    @TempDir
    static Path shared;
    static Path repo;
    static String commitA;
    static String commitB;

    KubernetesMockServer server;
    KubernetesClient client;

    @TempDir
    Path dir;

    @BeforeAll
    static void renderTheSampleClusterAndCommitB() throws IOException {
        Path sample = Path.of(System.getProperty("project.root", "..")).toAbsolutePath().normalize().resolve("sample-repo");
        repo = shared.resolve("gitops");
        RepoUpdate.write(new Generator().render(new Generator.RenderRequest(sample.resolve("fleet"), Optional.empty(),
                Optional.empty(), List.of(CLUSTER), Path::toString)), repo, false, false, "render eks-dev");
        try (GitRepo git = GitRepo.open(repo)) {
            commitA = git.commitId("HEAD").orElseThrow();
            byte[] pci = Files.readAllBytes(repo.resolve(FOLDER + PCI));
            byte[] pciB = new String(pci, StandardCharsets.UTF_8).replace("  order: 100", "  order: 150")
                    .getBytes(StandardCharsets.UTF_8);
            byte[] added = """
                    apiVersion: projectcalico.org/v3
                    kind: GlobalNetworkPolicy
                    metadata:
                      name: security.added-in-b
                    spec:
                      tier: security
                      order: 500
                      selector: app == "ledger"
                      types:
                      - Ingress
                      ingress:
                      - action: Deny
                    """.getBytes(StandardCharsets.UTF_8);
            commitB = git.commit(List.of(
                    new FileChange(FOLDER + PCI, FileChange.Type.MODIFIED, pci, pciB),
                    new FileChange(FOLDER + BLOCK_IPS, FileChange.Type.REMOVED, Files.readAllBytes(repo.resolve(FOLDER + BLOCK_IPS)), null),
                    new FileChange(FOLDER + ADDED, FileChange.Type.ADDED, null, added)), "B", git.identity()).commitId().orElseThrow();
        }
    }

    @Test
    void apply_emptyCluster_createsEverythingInDependencyOrder_stampsIt_andTheAuditIsInSync() throws Exception {
        ApplyCluster cluster = new ApplyCluster(server, client, dir, V3);
        cluster.requests();

        ApplyCluster.Run run = cluster.run("apply", "--repo", repo.toString(), "--cluster", CLUSTER, "--ref", commitA);

        assertEquals(0, run.exit(), run.transcript());
        assertTrue(run.out().contains("\napplied 43 changes (43 create, 0 update, 0 adopt, 0 delete)\n"), run.transcript());
        List<String> posts = cluster.requests().stream().filter(r -> r.startsWith("POST ")).toList();
        assertEquals(43, posts.size(), String.join("\n", posts));
        int tier = indexOf(posts, "/tiers");
        int set = indexOf(posts, "/globalnetworksets");
        int policy = indexOf(posts, "/globalnetworkpolicies");
        int alert = indexOf(posts, "/globalalerts");
        int felix = indexOf(posts, "/felixconfigurations");
        assertTrue(tier < set && set < policy && policy < alert && alert < felix, String.join("\n", posts));
        ObjectNode pci = cluster.get(V3, "GlobalNetworkPolicy", "", "security.pci-whitelist").orElseThrow();
        assertEquals(ProductStamps.MANAGER, pci.at("/metadata/labels/app.kubernetes.io~1managed-by").asText());
        assertEquals(CLUSTER, pci.at("/metadata/labels/calico-gitops.io~1cluster").asText());
        assertEquals(commitA, pci.at("/metadata/annotations/calico-gitops.io~1commit").asText());
        assertEquals(FOLDER + PCI, pci.at("/metadata/annotations/calico-gitops.io~1source").asText());
        assertInSync(cluster, commitA);
    }

    @Test
    void apply_again_changesNothing() throws Exception {
        ApplyCluster cluster = new ApplyCluster(server, client, dir, V3);
        assertEquals(0, cluster.run("apply", "--repo", repo.toString(), "--cluster", CLUSTER, "--ref", commitA).exit());
        cluster.requests();

        ApplyCluster.Run run = cluster.run("apply", "--repo", repo.toString(), "--cluster", CLUSTER, "--ref", commitA);

        assertEquals(0, run.exit(), run.transcript());
        assertTrue(run.out().endsWith("\nnothing to apply: the cluster matches " + commitA.substring(0, 12) + "\n"), run.transcript());
        assertEquals(List.of(), cluster.requests().stream().filter(r -> !r.startsWith("GET ")).toList());
    }

    @Test
    void dryRun_listsExactlyWhatTheFollowingApplyChanges_andWritesNothing() throws Exception {
        ApplyCluster cluster = new ApplyCluster(server, client, dir, V3);
        assertEquals(0, cluster.run("apply", "--repo", repo.toString(), "--cluster", CLUSTER, "--ref", commitA).exit());
        // Drift by hand: a rule action flipped, a tier deleted, an unstamped copy of an object that Git holds.
        ObjectNode gnp = cluster.get(V3, "GlobalNetworkPolicy", "", "security.pci-whitelist").orElseThrow();
        ((ObjectNode) gnp.at("/spec/egress/1")).put("action", "Allow");
        cluster.delete(V3, "GlobalNetworkPolicy", "", "security.pci-whitelist");
        cluster.create(gnp);
        cluster.delete(V3, "Tier", "", "quarantine");
        ObjectNode set = cluster.get(V3, "GlobalNetworkSet", "", "ip-address-list").orElseThrow();
        ((ObjectNode) set.at("/metadata/labels")).remove(List.of(ProductStamps.MANAGED_BY_LABEL, ProductStamps.CLUSTER_LABEL));
        ((ObjectNode) set.get("metadata")).remove("annotations");
        cluster.delete(V3, "GlobalNetworkSet", "", "ip-address-list");
        cluster.create(set);
        cluster.requests();

        ApplyCluster.Run dry = cluster.run("apply", "--repo", repo.toString(), "--cluster", CLUSTER, "--ref", commitB,
                "--prune", "--dry-run", "-o", "json");

        assertEquals(1, dry.exit(), dry.transcript());
        assertEquals(List.of(), cluster.requests().stream().filter(r -> !r.startsWith("GET ")).toList(), "a dry run writes nothing");
        JsonNode planned = JSON.readTree(dry.out());
        assertValid(planned);
        assertEquals(List.of(
                "create Tier quarantine",
                "adopt GlobalNetworkSet ip-address-list",
                "create GlobalNetworkPolicy security.added-in-b",
                "update GlobalNetworkPolicy security.pci-whitelist",
                "delete GlobalNetworkPolicy security.block-ips"), steps(planned, "planned"));
        JsonNode pciStep = planned.get("steps").get(3);
        assertEquals("critical", pciStep.get("severity").asText());
        assertTrue(pciStep.get("sentences").toString().contains("egress rule 2: action Deny -> Allow"), pciStep.toString());
        assertTrue(pciStep.get("patch").toString().contains("{\"op\":\"replace\",\"path\":\"/spec/egress/1/action\",\"value\":\"Deny\"}"),
                pciStep.toString());

        ApplyCluster.Run applied = cluster.run("apply", "--repo", repo.toString(), "--cluster", CLUSTER, "--ref", commitB,
                "--prune", "-o", "json");

        assertEquals(0, applied.exit(), applied.transcript());
        JsonNode result = JSON.readTree(applied.out());
        assertValid(result);
        assertEquals(steps(planned, "planned"), steps(result, "applied"));
        assertEquals(List.of(
                "POST /apis/projectcalico.org/v3/tiers",
                "PUT /apis/projectcalico.org/v3/globalnetworksets/ip-address-list",
                "POST /apis/projectcalico.org/v3/globalnetworkpolicies",
                "PUT /apis/projectcalico.org/v3/globalnetworkpolicies/security.pci-whitelist",
                "DELETE /apis/projectcalico.org/v3/globalnetworkpolicies/security.block-ips"),
                cluster.requests().stream().filter(r -> !r.startsWith("GET ")).toList());
        assertInSync(cluster, commitB);
    }

    @Test
    void dryRun_text_showsTheAuditsSentenceAndPatchUnderTheChange() throws Exception {
        ApplyCluster cluster = new ApplyCluster(server, client, dir, V3);
        assertEquals(0, cluster.run("apply", "--repo", repo.toString(), "--cluster", CLUSTER, "--ref", commitA).exit());
        ObjectNode gnp = cluster.get(V3, "GlobalNetworkPolicy", "", "security.pci-whitelist").orElseThrow();
        ((ObjectNode) gnp.at("/spec/egress/1")).put("action", "Allow");
        cluster.delete(V3, "GlobalNetworkPolicy", "", "security.pci-whitelist");
        cluster.create(gnp);

        ApplyCluster.Run dry = cluster.run("apply", "--repo", repo.toString(), "--cluster", CLUSTER, "--ref", commitA, "--dry-run");

        assertEquals(1, dry.exit(), dry.transcript());
        assertEquals("""
                apply eks-dev @ %s (%s) -> context mock, projectcalico.org/v3
                strategy update, prune off, dry run: nothing is written
                would  update  GlobalNetworkPolicy security.pci-whitelist  (clusters/eks-dev/calico/globalnetworkpolicy-security.pci-whitelist.yaml)
                      critical: egress rule 2: action Deny -> Allow
                      patch: replace /spec/egress/1/action "Deny"
                dry run: 1 change (0 create, 1 update, 0 adopt, 0 delete); run without --dry-run to make them
                """.formatted(commitA.substring(0, 12), commitA), dry.out());
    }

    @Test
    void rollback_applyingAnOlderRefWithPrune_restoresItExactly_andTheStampsShowIt() throws Exception {
        ApplyCluster cluster = new ApplyCluster(server, client, dir, V3);
        assertEquals(0, cluster.run("apply", "--repo", repo.toString(), "--cluster", CLUSTER, "--ref", commitA).exit());
        ApplyCluster.Run toB = cluster.run("apply", "--repo", repo.toString(), "--cluster", CLUSTER, "--ref", commitB, "--prune");
        assertEquals(0, toB.exit(), toB.transcript());
        assertTrue(toB.out().contains("\napplied 3 changes (1 create, 1 update, 0 adopt, 1 delete)\n"), toB.transcript());
        assertEquals(commitB, stamp(cluster, "security.added-in-b"));
        assertTrue(cluster.get(V3, "GlobalNetworkPolicy", "", "security.block-ips").isEmpty());

        ApplyCluster.Run back = cluster.run("apply", "--repo", repo.toString(), "--cluster", CLUSTER, "--ref", commitA, "--prune");

        assertEquals(0, back.exit(), back.transcript());
        assertTrue(back.out().contains("\napplied 3 changes (1 create, 1 update, 0 adopt, 1 delete)\n"), back.transcript());
        assertTrue(cluster.get(V3, "GlobalNetworkPolicy", "", "security.added-in-b").isEmpty());
        assertEquals(100, cluster.get(V3, "GlobalNetworkPolicy", "", "security.pci-whitelist").orElseThrow().at("/spec/order").asInt());
        List<String> stamps = new ArrayList<>();
        for (ObjectNode o : cluster.list(V3, "GlobalNetworkPolicy")) {
            stamps.add(o.at("/metadata/name").asText() + " " + o.at("/metadata/annotations/calico-gitops.io~1commit").asText());
        }
        assertFalse(stamps.isEmpty());
        assertTrue(stamps.stream().allMatch(s -> s.endsWith(" " + commitA)), String.join("\n", stamps));
        assertInSync(cluster, commitA);
    }

    @Test
    void prune_neverDeletesUnstampedObjectsOtherClustersObjectsOrPartialObjects() throws Exception {
        ApplyCluster cluster = new ApplyCluster(server, client, dir, V3);
        assertEquals(0, cluster.run("apply", "--repo", repo.toString(), "--cluster", CLUSTER, "--ref", commitA).exit());
        cluster.create(policy("security.by-hand", null));
        cluster.create(policy("security.other-cluster", "eks-prod"));
        ObjectNode felix = JSON.createObjectNode();
        felix.put("apiVersion", V3).put("kind", "FelixConfiguration");
        felix.putObject("metadata").put("name", "node.ip-10-0-0-1")
                .putObject("labels").put(ProductStamps.MANAGED_BY_LABEL, ProductStamps.MANAGER).put(ProductStamps.CLUSTER_LABEL, CLUSTER);
        felix.putObject("spec").put("logSeverityScreen", "Debug");
        cluster.create(felix);

        ApplyCluster.Run run = cluster.run("apply", "--repo", repo.toString(), "--cluster", CLUSTER, "--ref", commitA, "--prune");

        assertEquals(0, run.exit(), run.transcript());
        assertTrue(run.out().endsWith("\nnothing to apply: the cluster matches " + commitA.substring(0, 12) + "\n"), run.transcript());
        assertTrue(cluster.get(V3, "GlobalNetworkPolicy", "", "security.by-hand").isPresent());
        assertTrue(cluster.get(V3, "GlobalNetworkPolicy", "", "security.other-cluster").isPresent());
        assertTrue(cluster.get(V3, "FelixConfiguration", "", "node.ip-10-0-0-1").isPresent());
    }

    @Test
    void update_partialObject_writesOnlyGitsFields_andKeepsTheRest() throws Exception {
        ApplyCluster cluster = new ApplyCluster(server, client, dir, V3);
        ObjectNode felix = JSON.createObjectNode();
        felix.put("apiVersion", V3).put("kind", "FelixConfiguration");
        felix.putObject("metadata").put("name", "default");
        felix.putObject("spec").put("logSeverityScreen", "Info").put("flowLogsFlushInterval", "5m0s");
        cluster.create(felix);

        ApplyCluster.Run run = cluster.run("apply", "--repo", repo.toString(), "--cluster", CLUSTER, "--ref", commitA);

        assertEquals(0, run.exit(), run.transcript());
        assertTrue(run.out().contains("\napplied 43 changes (42 create, 1 update, 0 adopt, 0 delete)\n"), run.transcript());
        JsonNode spec = cluster.get(V3, "FelixConfiguration", "", "default").orElseThrow().get("spec");
        assertEquals("Info", spec.path("logSeverityScreen").asText(), spec.toString());
        assertEquals("15s", spec.path("flowLogsFlushInterval").asText(), spec.toString());
        assertInSync(cluster, commitA);
    }

    @Test
    void failedWrite_stopsThere_reportsAppliedAndNotApplied_exits4_andARerunConverges() throws Exception {
        ApplyCluster cluster = new ApplyCluster(server, client, dir, V3);
        server.expect().post().withPath("/apis/projectcalico.org/v3/globalnetworkpolicies")
                .andReturn(500, status(500, "InternalError", "etcdserver: request timed out")).once();

        ApplyCluster.Run failed = cluster.run("apply", "--repo", repo.toString(), "--cluster", CLUSTER, "--ref", commitA);

        assertEquals(4, failed.exit(), failed.transcript());
        assertTrue(failed.err().startsWith("error: apply stopped at create GlobalNetworkPolicy quarantine.quarantined-workloads:"
                + " create globalnetworkpolicies.projectcalico.org/v3 quarantine.quarantined-workloads in context 'mock'"
                + " failed: HTTP 500 Internal Server Error: etcdserver: request timed out\n"), failed.transcript());
        assertTrue(failed.out().contains("\napplied      create  Tier platform  (clusters/eks-dev/calico/tier-platform.yaml)\n"), failed.transcript());
        assertTrue(failed.out().contains("\nFAILED       create  GlobalNetworkPolicy quarantine.quarantined-workloads"), failed.transcript());
        assertTrue(failed.out().contains("\nnot applied  create  GlobalNetworkPolicy security.allow-kube-dns"), failed.transcript());
        assertTrue(failed.out().contains("\nfailed: 10 applied, 1 failed, 32 not applied;"), failed.transcript());
        assertTrue(cluster.get(V3, "Tier", "", "security").isPresent());
        assertTrue(cluster.get(V3, "GlobalNetworkPolicy", "", "security.allow-kube-dns").isEmpty());

        ApplyCluster.Run again = cluster.run("apply", "--repo", repo.toString(), "--cluster", CLUSTER, "--ref", commitA);

        assertEquals(0, again.exit(), again.transcript());
        assertTrue(again.out().contains("\napplied 33 changes (33 create, 0 update, 0 adopt, 0 delete)\n"), again.transcript());
        assertInSync(cluster, commitA);
    }

    @Test
    void forbiddenWrite_json_namesTheFailedStepAndWhatWasNotApplied_exit4() throws Exception {
        ApplyCluster cluster = new ApplyCluster(server, client, dir, V3);
        server.expect().post().withPath("/apis/projectcalico.org/v3/tiers").andReturn(403, status(403, "Forbidden",
                "tiers.projectcalico.org is forbidden: User \"system:serviceaccount:calico-gitops:calico-gitops-auditor\""
                        + " cannot create resource \"tiers\" in API group \"projectcalico.org\" at the cluster scope")).once();

        ApplyCluster.Run run = cluster.run("apply", "--repo", repo.toString(), "--cluster", CLUSTER, "--ref", commitA,
                "-o", "json");

        assertEquals(4, run.exit(), run.transcript());
        JsonNode result = JSON.readTree(run.out());
        assertValid(result);
        assertEquals("failed", result.get("outcome").asText());
        assertEquals("{\"planned\":0,\"applied\":4,\"failed\":1,\"notApplied\":38}", result.get("summary").toString());
        JsonNode failed = result.get("steps").get(4);
        assertEquals("failed", failed.get("status").asText());
        assertEquals("Tier platform", failed.get("kind").asText() + " " + failed.get("name").asText());
        assertTrue(failed.get("error").asText().startsWith("create tiers.projectcalico.org/v3 platform in context 'mock':"
                + " forbidden (HTTP 403 Forbidden: tiers.projectcalico.org is forbidden"), failed.toString());
        assertTrue(failed.get("error").asText().contains("apply needs get, list, create, update, patch and delete on"
                + " projectcalico.org/Tier"), failed.toString());
        assertEquals(result.get("error"), failed.get("error"));
        assertEquals("not-applied", result.get("steps").get(5).get("status").asText());
    }

    @Test
    void update_conflict_isReadAgainAndRetried() throws Exception {
        ApplyCluster cluster = new ApplyCluster(server, client, dir, V3);
        assertEquals(0, cluster.run("apply", "--repo", repo.toString(), "--cluster", CLUSTER, "--ref", commitA).exit());
        server.expect().put().withPath("/apis/projectcalico.org/v3/globalnetworkpolicies/security.pci-whitelist")
                .andReturn(409, status(409, "Conflict", "the object has been modified; please apply your changes to the latest version"))
                .once();
        cluster.requests();

        ApplyCluster.Run run = cluster.run("apply", "--repo", repo.toString(), "--cluster", CLUSTER, "--ref", commitB);

        assertEquals(0, run.exit(), run.transcript());
        List<String> pciRequests = cluster.requests().stream().filter(r -> r.contains("/security.pci-whitelist")).toList();
        assertEquals(List.of(
                "GET /apis/projectcalico.org/v3/globalnetworkpolicies/security.pci-whitelist",
                "PUT /apis/projectcalico.org/v3/globalnetworkpolicies/security.pci-whitelist",
                "GET /apis/projectcalico.org/v3/globalnetworkpolicies/security.pci-whitelist",
                "PUT /apis/projectcalico.org/v3/globalnetworkpolicies/security.pci-whitelist"), pciRequests);
        assertEquals(150, cluster.get(V3, "GlobalNetworkPolicy", "", "security.pci-whitelist").orElseThrow().at("/spec/order").asInt());
    }

    @Test
    void serverSide_whereTheServerDoesNotTakeIt_stopsAtTheFirstWriteWithTheHint() throws Exception {
        // fabric8's CRUD mode answers a server-side apply patch as a JSON patch of an existing object: 404 when absent.
        ApplyCluster cluster = new ApplyCluster(server, client, dir, V3);

        ApplyCluster.Run run = cluster.run("apply", "--repo", repo.toString(), "--cluster", CLUSTER, "--ref", commitA,
                "--strategy", "server-side");

        assertEquals(4, run.exit(), run.transcript());
        assertTrue(run.err().startsWith("error: apply stopped at create Namespace calico-gitops: server-side apply namespaces (v1)"
                + " calico-gitops in context 'mock': the API server does not take server-side apply here (HTTP 404"), run.transcript());
        assertTrue(run.err().contains("hint: use --strategy update"), run.transcript());
        assertTrue(run.out().contains("\nfailed: 0 applied, 1 failed, 42 not applied;"), run.transcript());
    }

    @Test
    void v1CrdsOnly_isRefusedBeforeAnyWrite_exit4() throws Exception {
        ApplyCluster cluster = new ApplyCluster(server, client, dir, V1);
        cluster.requests();

        ApplyCluster.Run run = cluster.run("apply", "--repo", repo.toString(), "--cluster", CLUSTER, "--ref", commitA);

        assertEquals(4, run.exit(), run.transcript());
        assertEquals("", run.out(), run.transcript());
        assertTrue(run.err().startsWith("error: cannot write projectcalico.org/FelixConfiguration in context 'mock': the Calico"
                + " API server (projectcalico.org/v3) is not served (found: crd.projectcalico.org/v1 (no Calico API server))"), run.transcript());
        assertEquals(List.of(), cluster.requests().stream().filter(r -> !r.startsWith("GET ")).toList());
    }

    private void assertInSync(ApplyCluster cluster, String commit) {
        ApplyCluster.Run audit = cluster.run("audit", "--repo", repo.toString(), "--cluster", CLUSTER, "--ref", commit);
        assertEquals(0, audit.exit(), audit.transcript());
        assertTrue(audit.out().contains("\nIN SYNC\n"), audit.transcript());
    }

    private static String stamp(ApplyCluster cluster, String policy) {
        return cluster.get(V3, "GlobalNetworkPolicy", "", policy).orElseThrow()
                .at("/metadata/annotations/calico-gitops.io~1commit").asText();
    }

    private static ObjectNode policy(String name, String stampedCluster) {
        ObjectNode p = JSON.createObjectNode();
        p.put("apiVersion", V3).put("kind", "GlobalNetworkPolicy");
        ObjectNode meta = p.putObject("metadata").put("name", name);
        if (stampedCluster != null) {
            meta.putObject("labels").put(ProductStamps.MANAGED_BY_LABEL, ProductStamps.MANAGER)
                    .put(ProductStamps.CLUSTER_LABEL, stampedCluster);
        }
        p.putObject("spec").put("tier", "security").put("order", 900).put("selector", "all()")
                .putArray("types").add("Ingress");
        return p;
    }

    private static List<String> steps(JsonNode result, String status) {
        List<String> out = new ArrayList<>();
        for (JsonNode s : result.get("steps")) {
            assertEquals(status, s.get("status").asText(), s.toString());
            out.add(s.get("action").asText() + " " + s.get("kind").asText() + " "
                    + (s.get("namespace").asText().isEmpty() ? "" : s.get("namespace").asText() + "/") + s.get("name").asText());
        }
        return out;
    }

    private static int indexOf(List<String> requests, String suffix) {
        for (int i = 0; i < requests.size(); i++) {
            if (requests.get(i).endsWith(suffix)) {
                return i;
            }
        }
        throw new AssertionError("no request to " + suffix + " in " + requests);
    }

    private static void assertValid(JsonNode document) throws IOException {
        try (InputStream in = ApplyCommandMockServerIT.class.getResourceAsStream("/schemas/apply-result.v1.schema.json")) {
            Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(JSON.readTree(in));
            List<Error> errors = schema.validate(document);
            assertEquals(List.of(), errors.stream().map(Error::toString).toList());
        }
    }
}
