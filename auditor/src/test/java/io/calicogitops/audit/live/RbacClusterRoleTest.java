package io.calicogitops.audit.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
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
    void clusterRole_isReadOnly() throws IOException {
        JsonNode role = load();

        assertEquals("ClusterRole", role.path("kind").asText());
        for (JsonNode rule : role.path("rules")) {
            Set<String> verbs = new HashSet<>();
            rule.path("verbs").forEach(v -> verbs.add(v.asText()));
            assertTrue(Set.of("get", "list").containsAll(verbs), rule.toString());
        }
    }

    /** The ClusterRole of the auditor-rbac pack, which every rendered cluster folder gets. */
    private static JsonNode load() throws IOException {
        String path = "/templates/auditor-rbac/auditor-rbac.yaml.mustache";
        try (InputStream in = RbacClusterRoleTest.class.getResourceAsStream(path)) {
            assertNotNull(in, path + " on the classpath");
            for (JsonNode doc : new YAMLMapper().readValues(new YAMLMapper().getFactory().createParser(in), JsonNode.class).readAll()) {
                if (doc.path("kind").asText().equals("ClusterRole")) {
                    return doc;
                }
            }
        }
        throw new AssertionError("no ClusterRole in " + path);
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
