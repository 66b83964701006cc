package io.calicogitops.audit.live;

import com.fasterxml.jackson.databind.JsonNode;
import io.calicogitops.audit.LiveSnapshot;
import io.calicogitops.model.Resource;
import io.calicogitops.model.ResourceId;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The cluster reader against a mock API server that serves only the crd.projectcalico.org/v1 CRDs (no Calico API
 * server): objects come back as projectcalico.org/v3 with the name, labels and annotations of the v3 view.
 */
@EnableKubernetesMockClient(crud = true)
class KubeLiveReaderV1IT {

    private static final String GLOBAL_POLICIES = "globalnetworkpolicies";

    static {
        MockApi.quiet();
    }

    KubernetesMockServer server;
    KubernetesClient client;

    @BeforeEach
    void cluster() {
        new MockApi().calico("crd.projectcalico.org/v1").install(server);
        // Written through the API server: the v3 metadata is in the annotation, only Calico labels on the CR.
        create(GLOBAL_POLICIES, false, """
                apiVersion: crd.projectcalico.org/v1
                kind: GlobalNetworkPolicy
                metadata:
                  name: default.deny-all
                  labels: {projectcalico.org/tier: default}
                  annotations:
                    projectcalico.org/metadata: '{"creationTimestamp":"2025-01-02T03:04:05Z","labels":{"app":"shop","projectcalico.org/tier":"default"},"annotations":{"owner":"team-a"}}'
                spec: {tier: default, order: 2000, selector: all(), types: [Ingress]}
                """);
        create(GLOBAL_POLICIES, false, """
                apiVersion: crd.projectcalico.org/v1
                kind: GlobalNetworkPolicy
                metadata:
                  name: security.block-bad
                  annotations:
                    projectcalico.org/metadata: '{"name":"security.block-bad","labels":{"team":"sec"},"ownerReferences":[{"apiVersion":"crd.projectcalico.org/v1","kind":"Tier","name":"security","uid":"00000000-0000-4000-8000-000000000001"}]}'
                spec: {tier: security, order: 10, selector: all()}
                """);
        create("networkpolicies", true, """
                apiVersion: crd.projectcalico.org/v1
                kind: NetworkPolicy
                metadata:
                  name: default.allow-web
                  namespace: shop
                  annotations:
                    projectcalico.org/metadata: '{"name":"allow-web","labels":{"app":"web"}}'
                spec: {selector: app == 'web', ingress: [{action: Allow}]}
                """);
        // Written straight to the CRD (operator, old Calico): no annotation, so only the name rule applies.
        create(GLOBAL_POLICIES, false, """
                apiVersion: crd.projectcalico.org/v1
                kind: GlobalNetworkPolicy
                metadata: {name: default.legacy, labels: {kept: "yes"}}
                spec: {selector: all()}
                """);
        create("tiers", false, """
                apiVersion: crd.projectcalico.org/v1
                kind: Tier
                metadata: {name: default.looks-prefixed}
                spec: {order: 100}
                """);
    }

    @Test
    void read_v1Layout_mapsEveryObjectToV3() {
        LiveSnapshot snapshot = reader().read(Set.of("projectcalico.org/GlobalNetworkPolicy",
                "projectcalico.org/NetworkPolicy", "projectcalico.org/Tier"));

        assertEquals("context kind-old, crd.projectcalico.org/v1 (no Calico API server)", snapshot.source());
        assertEquals(List.of(
                new ResourceId("projectcalico.org", "GlobalNetworkPolicy", "", "deny-all"),
                new ResourceId("projectcalico.org", "GlobalNetworkPolicy", "", "legacy"),
                new ResourceId("projectcalico.org", "GlobalNetworkPolicy", "", "security.block-bad"),
                new ResourceId("projectcalico.org", "NetworkPolicy", "shop", "allow-web"),
                new ResourceId("projectcalico.org", "Tier", "", "default.looks-prefixed")),
                snapshot.resources().stream().map(Resource::id).toList());
        snapshot.resources().forEach(r -> {
            assertEquals("projectcalico.org/v3", r.apiVersion(), r.id().display());
            assertFalse(r.body().path("metadata").path("annotations").has(V1Mapping.METADATA_ANNOTATION));
        });
    }

    @Test
    void read_v1Layout_takesNameLabelsAnnotationsFromMetadataAnnotation() {
        Map<String, JsonNode> meta = metadataByName(reader().read(Set.of("projectcalico.org/GlobalNetworkPolicy",
                "projectcalico.org/NetworkPolicy")));

        JsonNode denyAll = meta.get("deny-all");
        assertEquals("deny-all", denyAll.path("name").asText());
        assertEquals("shop", denyAll.path("labels").path("app").asText());
        assertEquals("default", denyAll.path("labels").path("projectcalico.org/tier").asText());
        assertEquals("team-a", denyAll.path("annotations").path("owner").asText());
        assertEquals("2025-01-02T03:04:05Z", denyAll.path("creationTimestamp").asText());
        // The mock assigns its own UIDs: the v3 view shows the CR's, bit-reversed.
        String crUid = client.genericKubernetesResources("crd.projectcalico.org/v1", "GlobalNetworkPolicy")
                .withName("default.deny-all").get().getMetadata().getUid();
        assertEquals(V1Mapping.convertUid(crUid), denyAll.path("uid").asText());
        assertFalse(crUid.equals(denyAll.path("uid").asText()));

        JsonNode owner = meta.get("security.block-bad").path("ownerReferences").get(0);
        assertEquals("projectcalico.org/v3", owner.path("apiVersion").asText());
        assertEquals("00000000-0000-4000-8000-000000000080", owner.path("uid").asText());

        assertEquals("web", meta.get("allow-web").path("labels").path("app").asText());
        assertEquals("shop", meta.get("allow-web").path("namespace").asText());
    }

    @Test
    void read_v1LayoutWithoutAnnotation_stripsDefaultPrefixOfPoliciesOnlyAndKeepsLabels() {
        Map<String, JsonNode> meta = metadataByName(reader().read(Set.of("projectcalico.org/GlobalNetworkPolicy",
                "projectcalico.org/Tier")));

        assertEquals("yes", meta.get("legacy").path("labels").path("kept").asText());
        assertTrue(meta.containsKey("default.looks-prefixed"), "Tier names are never rewritten");
    }

    private static Map<String, JsonNode> metadataByName(LiveSnapshot snapshot) {
        return snapshot.resources().stream().map(r -> r.body().path("metadata"))
                .collect(Collectors.toMap(m -> m.path("name").asText(), Function.identity()));
    }

    private KubeLiveReader reader() {
        return KubeLiveReader.of(client.getConfiguration(), "kind-old", Duration.ofSeconds(5),
                new ReadSettings(500, 3, Duration.ofMillis(1)));
    }

    private void create(String plural, boolean namespaced, String yaml) {
        MockApi.create(client, "crd.projectcalico.org", "v1", plural, namespaced, yaml);
    }
}
