package io.calicogitops.audit.live;

import io.calicogitops.diag.ClusterAccessException;
import io.calicogitops.policy.Flow;
import io.calicogitops.policy.Inventory;
import io.calicogitops.policy.Protocols;
import io.calicogitops.policy.Verdict;
import io.calicogitops.query.EvaluationInput;
import io.calicogitops.query.EvaluationRequest;
import io.calicogitops.query.LoadedModel;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The evaluator on a live cluster (mock API server, CRUD mode): policies and running pods with their IPs. */
@EnableKubernetesMockClient(crud = true)
class EvaluationMockServerIT {

    static {
        MockApi.quiet();
    }

    KubernetesMockServer server;
    KubernetesClient client;

    @Test
    void reach_onALiveCluster_usesItsPoliciesAndItsPodsIps() {
        new MockApi().calico("projectcalico.org/v3")
                .serve("projectcalico.org/v3", "stagedglobalnetworkpolicies", "StagedGlobalNetworkPolicy", false)
                .serve("projectcalico.org/v3", "stagednetworkpolicies", "StagedNetworkPolicy", true)
                .serve("projectcalico.org/v3", "stagedkubernetesnetworkpolicies", "StagedKubernetesNetworkPolicy", true)
                .serve("projectcalico.org/v3", "networksets", "NetworkSet", true)
                .serve("networking.k8s.io/v1", "networkpolicies", "NetworkPolicy", true)
                .serve("v1", "pods", "Pod", true).serve("v1", "namespaces", "Namespace", false)
                .serve("v1", "serviceaccounts", "ServiceAccount", true).serve("v1", "services", "Service", true)
                .install(server);
        create("projectcalico.org", "v3", "tiers", false, """
                apiVersion: projectcalico.org/v3
                kind: Tier
                metadata: {name: security}
                spec: {order: 400}
                """);
        create("projectcalico.org", "v3", "globalnetworkpolicies", false, """
                apiVersion: projectcalico.org/v3
                kind: GlobalNetworkPolicy
                metadata: {name: security.block-subnet}
                spec: {tier: security, order: 1, selector: app == "web", ingress: [{action: Deny, source: {nets: [10.0.0.0/24]}}, {action: Pass}]}
                """);
        create("", "v1", "namespaces", false, """
                apiVersion: v1
                kind: Namespace
                metadata: {name: shop, labels: {env: prod}}
                """);
        for (String[] pod : new String[][]{{"web-1", "web", "10.0.1.7"}, {"client-1", "client", "10.0.0.9"}, {"other-1", "other", "10.0.2.3"}}) {
            create("", "v1", "pods", true, """
                    apiVersion: v1
                    kind: Pod
                    metadata: {name: %s, namespace: shop, labels: {app: %s}}
                    spec: {containers: [{name: c, image: x, ports: [{containerPort: 80}]}]}
                    status: {podIP: %s}
                    """.formatted(pod[0], pod[1], pod[2]));
        }

        LoadedModel loaded = EvaluationInput.load(new EvaluationRequest(Path.of("unused"), "prod", "HEAD", List.of(),
                Optional.empty(), Optional.of(reader()), "context kind-test", List.of(), List.of()));
        Inventory inv = loaded.model().inventory();

        assertEquals(List.of("shop/client", "shop/other", "shop/web"), inv.workloads().stream().map(e -> e.display()).toList());
        assertEquals("prod", inv.namespaceLabels("shop").get("env"));
        Verdict blocked = loaded.model().compiled().evaluate(new Flow(inv.find("shop/client").orElseThrow(),
                inv.find("shop/web").orElseThrow(), Protocols.TCP, 80)).first();
        Verdict other = loaded.model().compiled().evaluate(new Flow(inv.find("shop/other").orElseThrow(),
                inv.find("shop/web").orElseThrow(), Protocols.TCP, 80)).first();
        assertEquals("deny", blocked.word(), "client's pod IP 10.0.0.9 is in the denied subnet");
        assertTrue(blocked.ingress().display().contains("security/security.block-subnet rule 1 Deny"), blocked.ingress().display());
        assertEquals("allow", other.word());
        assertTrue(loaded.policySource().startsWith("live: context kind-test"), loaded.policySource());
    }

    @Test
    void podsNotServed_failsClosed() {
        new MockApi().calico("projectcalico.org/v3").install(server);

        assertThrows(ClusterAccessException.class, () -> EvaluationInput.load(new EvaluationRequest(Path.of("unused"), "prod",
                "HEAD", List.of(), Optional.empty(), Optional.of(reader()), "context kind-test", List.of(), List.of())));
    }

    private KubeLiveReader reader() {
        return KubeLiveReader.of(client.getConfiguration(), "kind-test", Duration.ofSeconds(5), new ReadSettings(500, 3, Duration.ofMillis(1)));
    }

    private void create(String group, String version, String plural, boolean namespaced, String yaml) {
        MockApi.create(client, group, version, plural, namespaced, yaml);
    }
}
