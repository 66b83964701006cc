package io.calicogitops.audit;

import com.fasterxml.jackson.databind.JsonNode;
import io.calicogitops.audit.ignore.IgnoreRules;
import io.calicogitops.audit.live.FileLiveReader;
import io.calicogitops.audit.live.V1Mapping;
import io.calicogitops.diag.Diagnostics;
import io.calicogitops.diag.SourceLocation;
import io.calicogitops.git.GitRepo;
import io.calicogitops.model.Kinds;
import io.calicogitops.model.Resource;
import io.calicogitops.render.Generator;
import io.calicogitops.render.RepoUpdate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sample fleet rendered into a Git repository and audited against {@code sample-repo/live/<cluster>.yaml}: the
 * snapshots carry every field and default the API server adds, and objects Calico and the operator generate, yet
 * four clusters have zero drift; eks-prod has exactly the drift planted in it (sample-repo/live/README.md).
 */
class SampleFleetAuditTest {

    @TempDir
    static Path tmp;
    static Path repo;

    @BeforeAll
    static void renderTheSampleFleet() {
        Generator.RenderResult rendered = new Generator().render(new Generator.RenderRequest(sample().resolve("fleet"),
                Optional.empty(), Optional.empty(), List.of(), Path::toString));
        repo = tmp.resolve("repo");
        assertTrue(RepoUpdate.write(rendered, repo, true, false, "render the sample fleet").commitId().isPresent());
    }

    static Path sample() {
        return Path.of(System.getProperty("project.root", "..")).toAbsolutePath().normalize().resolve("sample-repo");
    }

    static AuditReport audit(String cluster) {
        Path snapshot = sample().resolve("live").resolve(cluster + ".yaml");
        assertTrue(Files.isRegularFile(snapshot), snapshot.toString());
        return new Auditor().audit(new AuditRequest(repo, cluster, "HEAD", new FileLiveReader(List.of(snapshot)),
                IgnoreRules.none(), LocalDate.of(2026, 11, 22)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"aks-dev", "aks-prod", "eks-dev", "eks-minimal"})
    void audit_cleanCluster_hasZeroDriftAndFullCoverage(String cluster) {
        AuditReport report = audit(cluster);

        assertEquals(List.of(), DriftBench.findings(report), cluster);
        assertTrue(report.inSync());
        assertTrue(report.entries().size() > 10, "every rendered resource is compared: " + report.entries().size());
        assertEquals(report.coverage().livePolicies(), report.coverage().managedPolicies(), "every live policy is in Git");
        assertTrue(report.coverage().livePolicies() > 0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"aks-dev", "aks-prod", "eks-dev", "eks-minimal", "eks-prod"})
    void compare_everyRenderedResourceAgainstTheApiServersView_hasZeroDrift(String cluster) {
        assertZeroDrift(cluster, body -> ApiServerRoundTrip.v3(body, 1, ApiServerRoundTrip.Naming.AS_CREATED));
        assertZeroDrift(cluster, body -> ApiServerRoundTrip.v3(body, 2, ApiServerRoundTrip.Naming.PRE_3_30));
    }

    @ParameterizedTest
    @ValueSource(strings = {"aks-dev", "eks-prod"})
    void compare_everyCalicoResourceReadAsV1CustomResources_hasZeroDrift(String cluster) {
        assertZeroDrift(cluster, body -> {
            JsonNode v3 = ApiServerRoundTrip.v3(body, 3, ApiServerRoundTrip.Naming.AS_CREATED);
            return body.path("apiVersion").asText().startsWith(Kinds.CALICO_GROUP + "/")
                    ? V1Mapping.toV3(ApiServerRoundTrip.v1(v3), SourceLocation.of("cluster:v1"), new Diagnostics()).orElseThrow()
                    : v3;
        });
    }

    private static void assertZeroDrift(String cluster, UnaryOperator<JsonNode> server) {
        DesiredState desired;
        try (GitRepo git = GitRepo.open(repo)) {
            desired = DesiredState.read(git, git.commitId("HEAD").orElseThrow(), cluster);
        }
        List<Resource> live = desired.resources().values().stream()
                .map(r -> Resource.of(server.apply(r.body()), SourceLocation.of("cluster:" + cluster))).toList();
        AuditRequest request = new AuditRequest(repo, cluster, "HEAD", kinds -> {
            throw new AssertionError("compare does not read");
        }, IgnoreRules.none(), LocalDate.of(2026, 11, 22));

        AuditReport report = new Auditor().compare(request, desired, new LiveSnapshot("round trip", live, List.of()));

        assertEquals(List.of(), DriftBench.findings(report), cluster);
        assertEquals(desired.resources().size(), report.count(DriftStatus.IN_SYNC), cluster);
    }

    @Test
    void audit_eksProd_reportsExactlyThePlantedDrift() {
        AuditReport report = audit("eks-prod");

        assertEquals(List.of(
                "GlobalAlert security.feodo-tracker MISSING warning: in Git, not in the cluster (warning)",
                "GlobalNetworkPolicy security.allow-kube-dns MODIFIED info: annotation owner added: platform-oncall (info)",
                "GlobalNetworkPolicy security.block-ips MODIFIED warning: order: 300 -> 450 (warning)",
                "GlobalNetworkPolicy security.debug-allow-all UNMANAGED critical: in the cluster, not in Git; ingress rule 1"
                        + " is Allow (critical)",
                "GlobalNetworkPolicy security.pci-whitelist MODIFIED critical: egress rule 2: action Deny -> Allow (critical)",
                "GlobalReport cluster-network-access MODIFIED warning: schedule: 0 * * * * -> */5 * * * * (warning)"),
                DriftBench.findings(report));
        assertFalse(report.inSync());
        assertEquals(DriftSeverity.CRITICAL, report.worst());
        assertEquals(report.coverage().livePolicies() - 1, report.coverage().managedPolicies(), "only the debug policy is unmanaged");
    }

    @Test
    void audit_eksProd_pointsEachModifiedEntryAtItsFileAndPatchesTheLiveObjectBackToGit() {
        AuditReport report = audit("eks-prod");

        DriftEntry pci = report.entries().stream().filter(e -> e.id().name().equals("security.pci-whitelist"))
                .findFirst().orElseThrow();
        assertEquals("clusters/eks-prod/calico/globalnetworkpolicy-security.pci-whitelist.yaml", pci.desiredAt().orElseThrow().file());
        assertEquals("[{\"op\":\"replace\",\"path\":\"/spec/egress/1/action\",\"value\":\"Deny\"}]", pci.patch().toString());
        assertEquals(report.entries().stream().map(DriftEntry::id).sorted().toList(),
                report.entries().stream().map(DriftEntry::id).toList(), "entries sorted by kind, namespace, name");
    }
}
