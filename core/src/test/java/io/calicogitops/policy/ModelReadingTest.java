package io.calicogitops.policy;

import io.calicogitops.diag.Diagnostics;
import io.calicogitops.yaml.YamlReader;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Workload manifests, Kubernetes NetworkPolicy conversion and the rule fields beyond the workshop's. */
class ModelReadingTest {

    private static ClusterModel model(String yaml, Endpoint... externals) {
        Diagnostics diagnostics = new Diagnostics();
        ModelBuilder b = new ModelBuilder(diagnostics).addAll(new YamlReader().read(yaml, "m.yaml", diagnostics));
        assertFalse(diagnostics.hasErrors(), diagnostics::format);
        return b.build(List.of(externals));
    }

    private static String verdict(ClusterModel m, String from, String to, int proto, int port) {
        return verdict(m, from, to, proto, port, -1);
    }

    private static String verdict(ClusterModel m, String from, String to, int proto, int port, int icmpCode) {
        Inventory inv = m.inventory();
        Flow f = new Flow(inv.find(from).orElseThrow(() -> new AssertionError(from)), inv.find(to).orElseThrow(), proto, port, icmpCode);
        String ref = m.reference().evaluate(f).word();
        assertEquals(m.reference().evaluate(f), m.compiled().evaluate(f), "engines agree on " + f.display());
        assertEquals(ref, m.compiled().evaluate(f).word(), "engines agree on " + f.display());
        return ref;
    }

    private static final String WORKLOADS = """
            apiVersion: v1
            kind: Namespace
            metadata: {name: shop, labels: {env: prod}}
            ---
            apiVersion: v1
            kind: ServiceAccount
            metadata: {name: payer, namespace: shop, labels: {role: payments}}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: pay-1, namespace: shop, labels: {app: pay}}
            spec: {serviceAccountName: payer, containers: [{name: c, ports: [{name: grpc, containerPort: 50051}]}]}
            status: {podIP: 10.1.0.5}
            ---
            apiVersion: apps/v1
            kind: StatefulSet
            metadata: {name: db, namespace: shop}
            spec: {template: {metadata: {labels: {app: db}}, spec: {containers: [{name: c, ports: [{containerPort: 5432}]}]}}}
            ---
            apiVersion: batch/v1
            kind: CronJob
            metadata: {name: report, namespace: ops}
            spec: {jobTemplate: {spec: {template: {metadata: {labels: {app: report}}, spec: {containers: [{name: c}]}}}}}
            ---
            apiVersion: v1
            kind: List
            items:
            - apiVersion: apps/v1
              kind: DaemonSet
              metadata: {name: agent, namespace: ops}
              spec: {template: {metadata: {labels: {app: agent}}, spec: {containers: [{name: c}]}}}
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: db, namespace: shop}
            spec: {selector: {app: db}, ports: [{port: 15432, targetPort: 5432}]}
            ---
            """;

    @Test
    void workloads_fromEveryControllerKind_withCalicoLabelsIpAndPorts() {
        Inventory inv = model(WORKLOADS).inventory();

        assertEquals(List.of("ops/agent", "ops/report", "shop/db", "shop/pay"), inv.workloads().stream().map(Endpoint::display).toList());
        Endpoint pay = inv.find("shop/pay").orElseThrow();
        assertEquals("10.1.0.5", pay.ip().toString());
        assertEquals("payer", pay.labels().get("projectcalico.org/serviceaccount"));
        assertEquals("shop", pay.labels().get("projectcalico.org/namespace"));
        assertEquals("k8s", pay.labels().get("projectcalico.org/orchestrator"));
        assertEquals("prod", inv.namespaceLabels("shop").get("env"));
        assertEquals("shop", inv.namespaceLabels("shop").get("projectcalico.org/name"));
        assertEquals("default", inv.find("shop/db").orElseThrow().serviceAccount());
        assertEquals(List.of(new DestinationPorts.ProtoPort(Protocols.TCP, 5432)), DestinationPorts.of(inv.find("shop/db").orElseThrow(), inv));
        assertTrue(inv.namespaces().containsKey("ops"), "a namespace only workloads name exists with no labels");
    }

    @Test
    void kubernetesPolicy_peersPortsAndIpBlocks_asCalicoConvertsThem() {
        ClusterModel m = model(WORKLOADS + """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: db, namespace: shop}
                spec:
                  podSelector: {matchLabels: {app: db}}
                  ingress:
                  - from:
                    - podSelector: {matchExpressions: [{key: app, operator: In, values: [pay]}]}
                    - ipBlock: {cidr: 10.0.0.0/8, except: [10.9.0.0/16]}
                    ports: [{port: 5432}, {protocol: UDP, port: 5000, endPort: 5010}]
                """, Endpoint.external("inside", IpAddress.parse("10.2.3.4").orElseThrow(), null),
                Endpoint.external("excepted", IpAddress.parse("10.9.0.1").orElseThrow(), null));
        Policy knp = m.policies().policies().get(0);

        assertEquals("knp.default.db", knp.name());
        assertEquals(1000.0, knp.order());
        assertEquals("allow", verdict(m, "shop/pay", "shop/db", Protocols.TCP, 5432));
        assertEquals("deny", verdict(m, "shop/pay", "shop/db", Protocols.TCP, 5433));
        assertEquals("allow", verdict(m, "inside", "shop/db", Protocols.UDP, 5007));
        assertEquals("deny", verdict(m, "excepted", "shop/db", Protocols.TCP, 5432));
        assertEquals("deny", verdict(m, "ops/agent", "shop/db", Protocols.TCP, 5432), "podSelector alone: the policy's namespace");
    }

    @Test
    void calicoRules_serviceAccountsNamedPortsNetsAndIcmp() {
        ClusterModel m = model(WORKLOADS + """
                apiVersion: v1
                kind: Pod
                metadata: {name: refunds, namespace: shop, labels: {app: refunds}}
                spec: {serviceAccountName: payer, containers: [{name: c}]}
                ---
                apiVersion: projectcalico.org/v3
                kind: GlobalNetworkPolicy
                metadata: {name: pay-in}
                spec:
                  selector: app == "pay"
                  ingress:
                  - {action: Allow, protocol: TCP, source: {serviceAccounts: {selector: role == "payments"}}, destination: {ports: [grpc]}}
                  - {action: Deny, protocol: ICMP, icmp: {type: 8, code: 3}}
                  - {action: Allow, protocol: ICMP, icmp: {type: 8}}
                  - {action: Allow, protocol: ICMP, notICMP: {type: 13}}
                  - {action: Allow, protocol: TCP, source: {nets: [192.0.2.0/24]}, destination: {notPorts: ['1:1024']}}
                  egress:
                  - {action: Deny, destination: {nets: [10.1.9.0/24]}}
                  - {action: Allow, destination: {notNets: [10.0.0.0/8]}}
                """, Endpoint.external("partner", IpAddress.parse("192.0.2.9").orElseThrow(), null),
                Endpoint.external("internet", IpAddress.parse("203.0.113.9").orElseThrow(), null),
                Endpoint.external("blocked", IpAddress.parse("10.1.9.1").orElseThrow(), null));

        assertEquals("allow", verdict(m, "shop/refunds", "shop/pay", Protocols.TCP, 50051), "service account by label, named port");
        assertEquals("deny", verdict(m, "shop/refunds", "shop/pay", Protocols.TCP, 50052), "the named port resolves to 50051 only");
        assertEquals("deny", verdict(m, "shop/pay", "shop/pay", Protocols.TCP, 50051), "egress: 10.1.0.5 is in notNets 10.0.0.0/8");
        assertEquals("deny", verdict(m, "shop/db", "shop/pay", Protocols.TCP, 50051), "service account default has no role label");
        assertEquals("deny", verdict(m, "shop/db", "shop/pay", Protocols.ICMP, -1), "any type: rule 2 (type 8 code 3) matches first");
        assertEquals("allow", verdict(m, "shop/db", "shop/pay", Protocols.ICMP, 8, 0), "echo request code 0: rule 3");
        assertEquals("deny", verdict(m, "shop/db", "shop/pay", Protocols.ICMP, 8, 3), "type 8 code 3: rule 2 denies");
        assertEquals("allow", verdict(m, "shop/db", "shop/pay", Protocols.ICMP, 0, -1), "type 0: not type 13, rule 4");
        assertEquals("deny", verdict(m, "shop/db", "shop/pay", Protocols.ICMP, 13, -1), "type 13: excluded by notICMP, nothing else");
        assertEquals("allow", verdict(m, "partner", "shop/pay", Protocols.TCP, 8443));
        assertEquals("deny", verdict(m, "partner", "shop/pay", Protocols.TCP, 443), "notPorts");
        assertEquals("allow", verdict(m, "shop/pay", "internet", Protocols.TCP, 443));
        assertEquals("deny", verdict(m, "shop/pay", "blocked", Protocols.UDP, 53), "egress Deny by nets");
        assertEquals("allow", verdict(m, "shop/pay", "shop/db", Protocols.TCP, 5432),
                "db has no known IP: it is outside every notNets and in no nets (the README says so; give Pods status.podIP)");
    }
}
