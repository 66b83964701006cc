package io.calicogitops.audit.live;

import com.fasterxml.jackson.databind.JsonNode;
import io.calicogitops.render.Generator;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rendered ClusterRole lets the auditor read every kind it lists, and nothing more than read. */
class RbacClusterRoleTest {

    private static final List<String> CALICO_PLURALS = List.of("tiers", "networkpolicies", "globalnetworkpolicies",
            "stagednetworkpolicies", "stagedglobalnetworkpolicies", "stagedkubernetesnetworkpolicies", "networksets",
            "globalnetworksets", "felixconfigurations", "globalalerts", "globalreports", "globalthreatfeeds",
            "deeppacketinspections");
    private static final Map<String, List<String>> OTHERS = Map.of(
            "operator.tigera.io", List.of("installations", "applicationlayers", "intrusiondetections"),
            "", List.of("services"),
            "networking.k8s.io", List.of("networkpolicies"),
            "monitoring.coreos.com", List.of("servicemonitors"));

    @Test
    void clusterRole_grantsGetAndListOnEveryReadKind() throws IOException {
        Set<String> granted = granted(load());

        for (String group : List.of("projectcalico.org", "crd.projectcalico.org")) {
            CALICO_PLURALS.forEach(p -> assertTrue(granted.contains(group + "/" + p), group + "/" + p));
        }
        List.of("tier.networkpolicies", "tier.globalnetworkpolicies", "tier.stagednetworkpolicies",
                "tier.stagedglobalnetworkpolicies").forEach(p -> assertTrue(granted.contains("projectcalico.org/" + p), p));
        OTHERS.forEach((group, plurals) -> plurals.forEach(p -> assertTrue(granted.contains(group + "/" + p), group + "/" + p)));
    }

    @Test
    void clusterRole_withScheduledAudit_grantsReadOnCronJobsOnlyThen() {
        assertTrue(granted(rendered("eks-prod")).contains("batch/cronjobs"), "eks-prod runs the scheduled audit");
        assertFalse(granted(rendered("eks-dev")).contains("batch/cronjobs"), "eks-dev does not");
    }

    @Test
    void clusterRole_isReadOnly() throws IOException {
        JsonNode role = rendered("eks-prod");

        assertEquals("ClusterRole", role.path("kind").asText());
        for (JsonNode rule : role.path("rules")) {
            Set<String> verbs = new HashSet<>();
            rule.path("verbs").forEach(v -> verbs.add(v.asText()));
            assertTrue(Set.of("get", "list").containsAll(verbs), rule.toString());
        }
    }

    @Test
    void clusterRole_grantsNothingOnSecrets() {
        for (String cluster : List.of("eks-dev", "eks-prod")) {
            for (JsonNode rule : rendered(cluster).path("rules")) {
                Set<String> groups = new HashSet<>();
                rule.path("apiGroups").forEach(g -> groups.add(g.asText()));
                Set<String> resources = new HashSet<>();
                rule.path("resources").forEach(r -> resources.add(r.asText()));
                // Secrets are read by name, and only those Git holds: a list (or get on all) would reach every credential.
                boolean core = groups.contains("") || groups.contains("*");
                assertFalse(core && (resources.contains("secrets") || resources.contains("*")), cluster + ": " + rule);
            }
        }
    }

    /** The ClusterRole of the auditor-rbac pack, which every rendered cluster folder gets. */
    private static JsonNode load() {
        return rendered("eks-dev");
    }

    /** The auditor-rbac pack's ClusterRole as rendered for a sample cluster. */
    private static JsonNode rendered(String cluster) {
        Path fleet = Path.of(System.getProperty("project.root", "..")).toAbsolutePath().normalize().resolve("sample-repo/fleet");
        Generator.RenderResult result = new Generator().render(new Generator.RenderRequest(fleet, Optional.empty(),
                Optional.empty(), List.of(cluster), Path::toString));
        return result.clusters().get(0).resources().stream().map(r -> r.resource().body())
                .filter(b -> b.path("kind").asText().equals("ClusterRole")).findFirst()
                .orElseThrow(() -> new AssertionError("no ClusterRole rendered for " + cluster));
    }

    /** {@code group/plural} for every resource some rule grants both get and list on. */
    private static Set<String> granted(JsonNode role) {
        Set<String> out = new HashSet<>();
        for (JsonNode rule : role.path("rules")) {
            Set<String> verbs = new HashSet<>();
            rule.path("verbs").forEach(v -> verbs.add(v.asText()));
            if (verbs.containsAll(Set.of("get", "list"))) {
                rule.path("apiGroups").forEach(g -> rule.path("resources").forEach(r -> out.add(g.asText() + "/" + r.asText())));
            }
        }
        return out;
    }
}
