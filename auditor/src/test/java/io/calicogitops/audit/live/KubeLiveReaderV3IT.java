package io.calicogitops.audit.live;

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
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The cluster reader against a mock API server in CRUD mode that serves Calico as projectcalico.org/v3. */
@EnableKubernetesMockClient(crud = true)
class KubeLiveReaderV3IT {

    static {
        MockApi.quiet();
    }

    KubernetesMockServer server;
    KubernetesClient client;

    @BeforeEach
    void cluster() {
        new MockApi().calico("projectcalico.org/v3")
                .serve("v1", "services", "Service", true)
                .install(server);
        create("projectcalico.org", "v3", "tiers", false, """
                apiVersion: projectcalico.org/v3
                kind: Tier
                metadata: {name: security}
                spec: {order: 100, defaultAction: Pass}
                """);
        create("projectcalico.org", "v3", "globalnetworkpolicies", false, """
                apiVersion: projectcalico.org/v3
                kind: GlobalNetworkPolicy
                metadata: {name: security.block-bad, labels: {projectcalico.org/tier: security}}
                spec: {tier: security, order: 10, selector: all(), types: [Ingress], ingress: [{action: Deny}]}
                """);
        create("projectcalico.org", "v3", "globalnetworkpolicies", false, """
                apiVersion: projectcalico.org/v3
                kind: GlobalNetworkPolicy
                metadata: {name: default-deny}
                spec: {order: 2000, selector: all(), types: [Ingress, Egress]}
                """);
        for (String ns : List.of("shop", "payments")) {
            create("projectcalico.org", "v3", "networkpolicies", true, """
                    apiVersion: projectcalico.org/v3
                    kind: NetworkPolicy
                    metadata: {name: security.allow-dns, namespace: %s}
                    spec: {tier: security, selector: all(), egress: [{action: Allow, protocol: UDP, destination: {ports: [53]}}]}
                    """.formatted(ns));
        }
        create("projectcalico.org", "v3", "globalnetworksets", false, """
                apiVersion: projectcalico.org/v3
                kind: GlobalNetworkSet
                metadata: {name: threat-ips, labels: {feed: bad}}
                spec: {nets: [198.51.100.0/24]}
                """);
        create("projectcalico.org", "v3", "felixconfigurations", false, """
                apiVersion: projectcalico.org/v3
                kind: FelixConfiguration
                metadata: {name: default}
                spec: {wireguardEnabled: true}
                """);
        create("", "v1", "services", true, """
                apiVersion: v1
                kind: Service
                metadata: {name: web, namespace: shop}
                spec: {ports: [{port: 80}]}
                """);
    }

    @Test
    void read_v3Layout_readsEveryKindNamespacedAndClusterScoped() {
        LiveSnapshot snapshot = reader().read(Set.of("projectcalico.org/GlobalNetworkPolicy",
                "projectcalico.org/NetworkPolicy", "projectcalico.org/Tier", "projectcalico.org/GlobalNetworkSet",
                "projectcalico.org/FelixConfiguration", "/Service"));

        assertEquals("context kind-test, projectcalico.org/v3", snapshot.source());
        assertEquals(List.of(
                new ResourceId("", "Service", "shop", "web"),
                new ResourceId("projectcalico.org", "FelixConfiguration", "", "default"),
                new ResourceId("projectcalico.org", "GlobalNetworkPolicy", "", "default-deny"),
                new ResourceId("projectcalico.org", "GlobalNetworkPolicy", "", "security.block-bad"),
                new ResourceId("projectcalico.org", "GlobalNetworkSet", "", "threat-ips"),
                new ResourceId("projectcalico.org", "NetworkPolicy", "payments", "security.allow-dns"),
                new ResourceId("projectcalico.org", "NetworkPolicy", "shop", "security.allow-dns"),
                new ResourceId("projectcalico.org", "Tier", "", "security")),
                snapshot.resources().stream().map(Resource::id).toList());
        assertEquals(List.of("/Service", "projectcalico.org/FelixConfiguration",
                "projectcalico.org/GlobalNetworkPolicy", "projectcalico.org/GlobalNetworkSet",
                "projectcalico.org/NetworkPolicy", "projectcalico.org/Tier"), snapshot.kindsRead());
    }

    @Test
    void read_keepsBodiesAndOriginAndFillsApiVersionOfCoreItems() {
        LiveSnapshot snapshot = reader().read(Set.of("projectcalico.org/NetworkPolicy", "/Service"));

        Resource np = snapshot.resources().stream().filter(r -> r.kind().equals("NetworkPolicy")).findFirst().orElseThrow();
        assertEquals("projectcalico.org/v3", np.apiVersion());
        assertEquals(53, np.spec().path("egress").get(0).path("destination").path("ports").get(0).asInt());
        assertEquals("cluster:kind-test", np.origin().file());
        Resource svc = snapshot.resources().stream().filter(r -> r.kind().equals("Service")).findFirst().orElseThrow();
        assertEquals("v1", svc.apiVersion());
        assertEquals(80, svc.spec().path("ports").get(0).path("port").asInt());
    }

    @Test
    void read_noKinds_givesEmptySnapshotAfterDiscovery() {
        LiveSnapshot snapshot = reader().read(Set.of());

        assertTrue(snapshot.resources().isEmpty());
        assertEquals("context kind-test, projectcalico.org/v3", snapshot.source());
    }

    private KubeLiveReader reader() {
        return KubeLiveReader.of(client.getConfiguration(), "kind-test", Duration.ofSeconds(5),
                new ReadSettings(500, 3, Duration.ofMillis(1)));
    }

    private void create(String group, String version, String plural, boolean namespaced, String yaml) {
        MockApi.create(client, group, version, plural, namespaced, yaml);
    }
}
