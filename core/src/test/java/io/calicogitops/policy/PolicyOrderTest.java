package io.calicogitops.policy;

import io.calicogitops.diag.Diagnostics;
import io.calicogitops.yaml.YamlReader;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Felix's equal-order tie-break: the string {@code name/namespace/kind} (felix/calc/policy_sorter.go PolKVLess), in both engines. */
class PolicyOrderTest {

    private static final String POD = """
            apiVersion: v1
            kind: Pod
            metadata: {name: web, namespace: shop, labels: {app: web}}
            spec: {containers: [{name: c, ports: [{containerPort: 80}]}]}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: api, namespace: shop, labels: {app: api}}
            spec: {containers: [{name: c}]}
            ---
            """;

    private static ClusterModel model(String yaml) {
        Diagnostics diagnostics = new Diagnostics();
        ModelBuilder b = new ModelBuilder(diagnostics).addAll(new YamlReader().read(yaml, "m.yaml", diagnostics));
        assertFalse(diagnostics.hasErrors(), diagnostics::format);
        return b.build(List.of());
    }

    private static void assertBoth(ClusterModel m, String expectedWord, String expectedPolicy) {
        Inventory inv = m.inventory();
        Flow f = new Flow(inv.find("shop/api").orElseThrow(), inv.find("shop/web").orElseThrow(), Protocols.TCP, 80);
        for (Evaluator e : List.of(m.reference(), m.compiled())) {
            Verdict v = e.evaluate(f).parts().get(0);
            assertEquals(expectedWord, v.word());
            assertEquals(expectedPolicy, v.ingress().steps().get(0).policy());
        }
    }

    @Test
    void equalOrder_nameIsAPrefix_felixStringOrderPutsDashFirst() {
        // "allow-all/shop/NetworkPolicy" < "allow/shop/NetworkPolicy" ('-' < '/'); comparing names alone says the opposite.
        ClusterModel m = model(POD + """
                apiVersion: projectcalico.org/v3
                kind: NetworkPolicy
                metadata: {name: allow, namespace: shop}
                spec: {order: 10, selector: app == 'web', ingress: [{action: Deny}]}
                ---
                apiVersion: projectcalico.org/v3
                kind: NetworkPolicy
                metadata: {name: allow-all, namespace: shop}
                spec: {order: 10, selector: app == 'web', ingress: [{action: Allow}]}
                """);
        assertBoth(m, "allow", "allow-all");
    }

    @Test
    void equalOrderAndName_namespaceThenKindBreakTheTie() {
        // Same name and order: a GlobalNetworkPolicy ("x//GlobalNetworkPolicy") sorts before a NetworkPolicy ("x/shop/NetworkPolicy").
        ClusterModel m = model(POD + """
                apiVersion: projectcalico.org/v3
                kind: NetworkPolicy
                metadata: {name: x, namespace: shop}
                spec: {order: 10, selector: app == 'web', ingress: [{action: Allow}]}
                ---
                apiVersion: projectcalico.org/v3
                kind: GlobalNetworkPolicy
                metadata: {name: x}
                spec: {order: 10, selector: app == 'web', ingress: [{action: Deny}]}
                """);
        assertBoth(m, "deny", "x");
        assertEquals(List.of("GlobalNetworkPolicy", "NetworkPolicy"),
                m.policies().inTier("default").stream().map(p -> p.kind().calicoKind()).toList());
    }
}
