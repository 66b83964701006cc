package io.calicogitops.policy;

import io.calicogitops.diag.Diagnostics;
import io.calicogitops.yaml.YamlReader;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A flow's source port is a range (Linux's ephemeral ports by default), split where source-port rules change the verdict. */
class SourcePortsTest {

    private static final String PODS = """
            apiVersion: v1
            kind: Pod
            metadata: {name: web, namespace: shop, labels: {app: web}}
            spec: {containers: [{name: c, ports: [{containerPort: 80}]}]}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: api, namespace: shop, labels: {app: api}}
            spec: {containers: [{name: c, ports: [{name: cli, containerPort: 45000}]}]}
            ---
            """;

    private static ClusterModel model(String ingressRules) {
        String yaml = PODS + """
                apiVersion: projectcalico.org/v3
                kind: NetworkPolicy
                metadata: {name: web, namespace: shop}
                spec:
                  selector: app == 'web'
                  ingress:
                """ + ingressRules.indent(2);
        Diagnostics diagnostics = new Diagnostics();
        ModelBuilder b = new ModelBuilder(diagnostics).addAll(new YamlReader().read(yaml, "m.yaml", diagnostics));
        assertFalse(diagnostics.hasErrors(), diagnostics::format);
        return b.build(List.of());
    }

    /** The answer of both engines (asserted equal) for shop/api -> shop/web TCP/80 from {@code ports}. */
    private static Verdicts evaluate(ClusterModel m, SourcePorts ports) {
        Inventory inv = m.inventory();
        Flow f = new Flow(inv.find("shop/api").orElseThrow(), inv.find("shop/web").orElseThrow(), Protocols.TCP, 80, -1, ports);
        Verdicts reference = m.reference().evaluate(f);
        assertEquals(reference, m.compiled().evaluate(f), "engines agree");
        return reference;
    }

    private static String splits(Verdicts v) {
        return String.join(" / ", v.splits().stream().map(s -> s.ports().display() + " " + s.word()).toList());
    }

    @Test
    void allowFromUnprivilegedSourcePorts_matchesAClientFromTheEphemeralRange() {
        Verdicts v = evaluate(model("- {action: Allow, protocol: TCP, source: {ports: ['1024:65535']}}\n"), SourcePorts.LINUX_EPHEMERAL);
        assertEquals("allow", v.word());
        assertEquals(1, v.parts().size());
        assertEquals(SourcePorts.LINUX_EPHEMERAL, v.first().flow().sourcePorts());
        assertEquals("shop/web rule 1 Allow", v.first().ingress().steps().get(0).display().replace("default/", "shop/"));
    }

    @Test
    void denyOnPartOfTheRange_thenAllowAll_dependsOnSourcePortWithExactRanges() {
        Verdicts v = evaluate(model("""
                - {action: Deny, protocol: TCP, source: {ports: ['40000:50000']}}
                - {action: Allow}
                """), SourcePorts.LINUX_EPHEMERAL);
        assertTrue(v.dependsOnSourcePort());
        assertEquals(Verdicts.DEPENDS, v.word());
        assertEquals("32768-39999 allow / 40000-50000 deny / 50001-60999 allow", splits(v));
        assertEquals(3, v.parts().size());
        assertEquals(2, v.parts().get(0).ingress().steps().get(0).rule());
        assertEquals(1, v.parts().get(1).ingress().steps().get(0).rule());
    }

    @Test
    void notPortsOnSource_excludesThoseSourcePorts() {
        Verdicts v = evaluate(model("- {action: Allow, protocol: TCP, source: {notPorts: ['32768:40000']}}\n"), SourcePorts.LINUX_EPHEMERAL);
        assertEquals("32768-40000 deny / 40001-60999 allow", splits(v));
        assertEquals(Outcome.DENIED_END_OF_TIER, v.parts().get(0).ingress().outcome());
    }

    @Test
    void singleSourcePort_eightyMatchesARuleOnPortEighty_theEphemeralRangeDoesNot() {
        ClusterModel m = model("- {action: Allow, protocol: TCP, source: {ports: [80]}}\n");
        Verdicts one = evaluate(m, SourcePorts.parse("80").orElseThrow());
        assertEquals("allow", one.word());
        assertEquals(new SourcePorts(80, 80), one.first().flow().sourcePorts());
        assertEquals("deny", evaluate(m, SourcePorts.LINUX_EPHEMERAL).word());
    }

    @Test
    void namedSourcePort_isTheSourceEndpointsPortOfThatName() {
        Verdicts v = evaluate(model("""
                - {action: Deny, protocol: TCP, source: {ports: [cli]}}
                - {action: Allow}
                """), SourcePorts.LINUX_EPHEMERAL);
        assertEquals("32768-44999 allow / 45000 deny / 45001-60999 allow", splits(v));
    }

    @Test
    void icmp_hasNoSourcePort_oneVerdict() {
        ClusterModel m = model("- {action: Deny, protocol: TCP, source: {ports: ['40000:50000']}}\n- {action: Allow}\n");
        Inventory inv = m.inventory();
        Flow f = new Flow(inv.find("shop/api").orElseThrow(), inv.find("shop/web").orElseThrow(), Protocols.ICMP, 8);
        Verdicts v = m.compiled().evaluate(f);
        assertEquals(v, m.reference().evaluate(f));
        assertEquals("allow", v.word());
        assertEquals(1, v.parts().size());
    }

    @Test
    void parse_acceptsNumberAndRange_refusesTheRest() {
        assertEquals(new SourcePorts(1024, 65535), SourcePorts.parse("1024:65535").orElseThrow());
        assertEquals(new SourcePorts(80, 80), SourcePorts.parse(" 80 ").orElseThrow());
        for (String bad : new String[]{"", "x", "70000", "5:4", "1-2", "1:", ":2", "0:65536"}) {
            assertTrue(SourcePorts.parse(bad).isEmpty(), bad);
        }
    }
}
