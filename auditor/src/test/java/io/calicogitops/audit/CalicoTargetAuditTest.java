package io.calicogitops.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.calicogitops.audit.ignore.IgnoreRules;
import io.calicogitops.audit.live.FileLiveReader;
import io.calicogitops.render.ClusterRender;
import io.calicogitops.render.Generator;
import io.calicogitops.render.RepoUpdate;
import io.calicogitops.validate.CalicoTarget;
import io.calicogitops.yaml.YamlReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The audit applies the rules of the Calico each cluster runs, which the generator stamps on the cluster folder:
 * whether {@code default.X} in Git and {@code X} live are one policy (calico-semantics §2), and which tiers the
 * cluster generates itself (§3.3).
 */
class CalicoTargetAuditTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String POLICY = """
            apiVersion: projectcalico.org/v3
            kind: GlobalNetworkPolicy
            metadata:
              name: default.allow-dns
            spec:
              tier: default
              order: 100
              selector: all()
              types: [Egress]
              egress:
              - action: Allow
                protocol: UDP
                destination:
                  ports: [53]
            """;

    @TempDir
    static Path tmp;
    static Path repo;
    static JsonNode rendered;

    @BeforeAll
    static void renderAFleetOfTargets() throws IOException {
        write("templates/mine/allow-dns.yaml.mustache", POLICY);
        cluster("pre330", "calico: {edition: oss, version: \"3.29\"}");
        cluster("oss331", "calico: {edition: oss, version: \"3.31\"}");
        cluster("oss332", "calico: {edition: oss, version: \"3.32\"}");
        cluster("ent322", "calico: {edition: enterprise, version: \"3.22\"}");
        cluster("cloud", "");
        Generator.RenderResult result = new Generator().render(new Generator.RenderRequest(tmp.resolve("fleet"),
                Optional.of(tmp.resolve("templates")), Optional.empty(), List.of(), Path::toString));
        ClusterRender any = result.clusters().get(0);
        rendered = read(any.files().entrySet().stream().filter(e -> e.getKey().startsWith("globalnetworkpolicy-"))
                .findFirst().orElseThrow().getValue());
        repo = tmp.resolve("repo");
        assertTrue(RepoUpdate.write(result, repo, true, false, "render").commitId().isPresent());
    }

    private static void cluster(String name, String calico) throws IOException {
        write("fleet/" + name + ".yaml", "name: " + name + "\nprovider: EKS\ncni: calico\npacks: [mine]\n" + calico + "\n");
    }

    private static void write(String relative, String text) throws IOException {
        Path p = tmp.resolve(relative);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    private static JsonNode read(byte[] bytes) {
        return new YamlReader().read(new String(bytes, StandardCharsets.UTF_8), "x.yaml", new io.calicogitops.diag.Diagnostics())
                .get(0).body();
    }

    /** Audits {@code cluster} against a snapshot of the rendered policy as the API server of {@code naming} returns it, plus {@code extra}. */
    private static AuditReport audit(String cluster, ApiServerRoundTrip.Naming naming, String... extra) throws IOException {
        List<String> docs = new ArrayList<>();
        docs.add(JSON.writeValueAsString(ApiServerRoundTrip.v3(rendered, 1, naming)));
        docs.addAll(List.of(extra));
        Path snapshot = tmp.resolve("live-" + cluster + "-" + naming + "-" + extra.length + ".yaml");
        Files.writeString(snapshot, String.join("\n---\n", docs) + "\n");
        return new Auditor().audit(new AuditRequest(repo, cluster, "HEAD", new FileLiveReader(List.of(snapshot)),
                IgnoreRules.none(), LocalDate.of(2026, 11, 22)));
    }

    private static List<String> findings(AuditReport report) {
        return report.entries().stream().filter(e -> e.status() != DriftStatus.IN_SYNC)
                .map(e -> e.status() + " " + e.id().display()).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"pre330", "oss332", "cloud"})
    void audit_strippedDefaultPrefix_inSyncWhereTheTargetPairsTheNames(String cluster) throws IOException {
        AuditReport report = audit(cluster, ApiServerRoundTrip.Naming.PRE_3_30);

        assertEquals(List.of(), findings(report), cluster);
        assertTrue(report.inSync());
    }

    @ParameterizedTest
    @ValueSource(strings = {"oss331", "ent322"})
    void audit_strippedDefaultPrefix_isDriftOn330And331(String cluster) throws IOException {
        AuditReport report = audit(cluster, ApiServerRoundTrip.Naming.PRE_3_30);

        assertEquals(List.of("MISSING GlobalNetworkPolicy default.allow-dns", "UNMANAGED GlobalNetworkPolicy allow-dns"),
                findings(report).stream().sorted().toList(), cluster);
    }

    @ParameterizedTest
    @ValueSource(strings = {"pre330", "oss331", "oss332", "ent322", "cloud"})
    void audit_nameAsCreated_inSyncOnEveryTarget(String cluster) throws IOException {
        assertEquals(List.of(), findings(audit(cluster, ApiServerRoundTrip.Naming.AS_CREATED)), cluster);
    }

    @Test
    void desiredState_readsTheTargetStampedOnTheFolder() {
        try (io.calicogitops.git.GitRepo git = io.calicogitops.git.GitRepo.open(repo)) {
            String head = git.commitId("HEAD").orElseThrow();
            assertEquals("Calico OSS 3.31", DesiredState.read(git, head, "oss331").target().label());
            assertEquals(CalicoTarget.CLOUD, DesiredState.read(git, head, "cloud").target());
        }
    }

    private static String tier(String name) {
        return "{\"apiVersion\":\"projectcalico.org/v3\",\"kind\":\"Tier\",\"metadata\":{\"name\":\"" + name
                + "\"},\"spec\":{\"order\":1000,\"defaultAction\":\"Pass\"}}";
    }

    @Test
    void audit_builtInAndOperatorTiers_generatedOnlyUnderTheirReleasesNames() throws IOException {
        String[] v332 = {tier("kube-admin"), tier("kube-baseline"), tier("calico-system"), tier("default")};
        String[] v331 = {tier("adminnetworkpolicy"), tier("baselineadminnetworkpolicy"), tier("allow-tigera")};

        assertEquals(List.of(), findings(audit("oss332", ApiServerRoundTrip.Naming.AS_CREATED, v332)));
        assertEquals(List.of(), findings(audit("oss331", ApiServerRoundTrip.Naming.AS_CREATED, v331)));
        assertEquals(List.of(), findings(audit("cloud", ApiServerRoundTrip.Naming.AS_CREATED, v332)));
        assertEquals(List.of(), findings(audit("cloud", ApiServerRoundTrip.Naming.AS_CREATED, v331)));
        assertEquals(List.of("UNMANAGED Tier calico-system", "UNMANAGED Tier kube-admin", "UNMANAGED Tier kube-baseline"),
                findings(audit("oss331", ApiServerRoundTrip.Naming.AS_CREATED, v332)));
        assertEquals(List.of("UNMANAGED Tier adminnetworkpolicy", "UNMANAGED Tier allow-tigera",
                        "UNMANAGED Tier baselineadminnetworkpolicy"),
                findings(audit("oss332", ApiServerRoundTrip.Naming.AS_CREATED, v331)));
    }
}
