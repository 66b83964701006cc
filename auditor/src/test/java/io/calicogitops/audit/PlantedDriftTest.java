package io.calicogitops.audit;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * One planted change per severity rule of the README ("Severity rules") on the {@link DriftBench} policy set: the
 * entry's status, severity and sentences must be exactly what a person needs to read, and nothing else may drift.
 * Every live object is the API server's view, so each case also proves that server fields are not drift.
 */
class PlantedDriftTest {

    private static final String PCI = "security.pci-whitelist";
    private static final String PCI_ENTRY = "GlobalNetworkPolicy security.pci-whitelist MODIFIED ";
    private static final String PARTNERS_ENTRY = "GlobalNetworkPolicy security.allow-partners MODIFIED ";

    static Stream<Arguments> plantedDrift() {
        return Stream.of(
                // Rules: actions
                planted("a Deny rule removed is critical", b -> b.rules(PCI, "ingress").remove(1),
                        PCI_ENTRY + "critical: ingress rule 2 is missing: Deny TCP from selector env == \"dev\" notNets"
                                + " [10.9.0.0/16] to ports [22, 443] (critical)"),
                planted("a Deny rule turned into Allow is critical", b -> b.rule(PCI, "egress", 1).put("action", "Allow"),
                        PCI_ENTRY + "critical: egress rule 2: action Deny -> Allow (critical)"),
                planted("a Deny rule turned into Pass is critical", b -> b.rule(PCI, "egress", 1).put("action", "Pass"),
                        PCI_ENTRY + "critical: egress rule 2: action Deny -> Pass (critical)"),
                planted("a Deny rule turned into Log is critical: the packet falls through",
                        b -> b.rule(PCI, "egress", 1).put("action", "Log"),
                        PCI_ENTRY + "critical: egress rule 2: action Deny -> Log (critical)"),
                planted("an Allow rule turned into Deny is a warning", b -> b.rule(PCI, "egress", 0).put("action", "Deny"),
                        PCI_ENTRY + "warning: egress rule 1: action Allow -> Deny (warning)"),
                planted("an Allow rule turned into Pass is a warning", b -> b.rule(PCI, "egress", 0).put("action", "Pass"),
                        PCI_ENTRY + "warning: egress rule 1: action Allow -> Pass (warning)"),
                planted("a Log rule turned into Pass is critical: it skips the tier's later Deny rules",
                        b -> b.rule(PCI, "egress", 2).put("action", "Pass"),
                        PCI_ENTRY + "critical: egress rule 3: action Log -> Pass (critical)"),
                planted("a Pass rule turned into Allow is critical", b -> b.rule(PCI, "egress", 3).put("action", "Allow"),
                        PCI_ENTRY + "critical: egress rule 4: action Pass -> Allow (critical)"),
                planted("an extra Allow rule is critical",
                        b -> b.rules(PCI, "ingress").insert(0, rule("Allow")),
                        PCI_ENTRY + "critical: ingress rule 1 is extra: Allow (critical)"),
                planted("an extra Pass rule is critical", b -> b.rules(PCI, "egress").insert(1, rule("Pass")),
                        PCI_ENTRY + "critical: egress rule 2 is extra: Pass (critical)"),
                planted("an extra Deny rule is a warning", b -> b.rules(PCI, "ingress").insert(0, rule("Deny")),
                        PCI_ENTRY + "warning: ingress rule 1 is extra: Deny (warning)"),
                planted("an Allow rule removed is a warning", b -> b.rules(PCI, "egress").remove(0),
                        PCI_ENTRY + "warning: egress rule 1 is missing: Allow UDP to selector k8s-app == \"kube-dns\""
                                + " namespaceSelector projectcalico.org/name == \"kube-system\" ports [53] (warning)"),
                planted("a Pass rule removed is critical: traffic stays in the tier for its later rules",
                        b -> b.rules(PCI, "ingress").remove(2),
                        PCI_ENTRY + "critical: ingress rule 3 is missing: Pass (critical)"),
                // Rules: order
                planted("rules with different actions reordered is critical",
                        b -> swap(b.rules(PCI, "ingress"), 0, 1),
                        PCI_ENTRY + "critical: ingress rules reordered: Git has rules in order 1..3, the cluster in order"
                                + " 2, 1, 3 (critical)"),
                planted("rules with one action reordered is a warning, even next to rules with another action",
                        b -> swap(b.rules("security.allow-partners", "egress"), 0, 1),
                        PARTNERS_ENTRY + "warning: egress rules reordered: Git has rules in order 1..3, the cluster in"
                                + " order 2, 1, 3 (warning)"),
                planted("an Allow moved behind a Deny is critical",
                        b -> swap(b.rules("security.allow-partners", "egress"), 1, 2),
                        PARTNERS_ENTRY + "critical: egress rules reordered: Git has rules in order 1..3, the cluster in"
                                + " order 1, 3, 2 (critical)"),
                // Rules: scope
                planted("a Deny rule's selector narrowed is critical",
                        b -> source(b, 1).put("selector", "env == 'dev' && app == 'web'"),
                        PCI_ENTRY + "critical: ingress rule 2: source selector env == \"dev\" -> (app == \"web\" &&"
                                + " env == \"dev\") (critical)"),
                planted("a Deny rule's selector changed to an unrelated one is critical",
                        b -> source(b, 1).put("selector", "app == 'web'"),
                        PCI_ENTRY + "critical: ingress rule 2: source selector env == \"dev\" -> app == \"web\" (critical)"),
                planted("a Deny rule's selector widened to all() is a warning",
                        b -> source(b, 1).put("selector", "all()"),
                        PCI_ENTRY + "warning: ingress rule 2: source selector env == \"dev\" -> all() (warning)"),
                planted("a Deny rule's selector removed widens it and is a warning",
                        b -> source(b, 1).remove("selector"),
                        PCI_ENTRY + "warning: ingress rule 2: source selector removed (was env == \"dev\") (warning)"),
                planted("an Allow rule's selector removed widens it and is critical",
                        b -> source(b, 0).remove("selector"),
                        PCI_ENTRY + "critical: ingress rule 1: source selector removed (was PCI == \"true\") (critical)"),
                planted("an Allow rule narrowed by a new source selector is a warning",
                        b -> b.rule(PCI, "egress", 0).putObject("source").put("selector", "app == 'web'"),
                        PCI_ENTRY + "warning: egress rule 1: source selector added app == \"web\" (warning)"),
                planted("an Allow rule's nets gaining a member is critical",
                        b -> ((ArrayNode) source(b, 0).get("nets")).add("0.0.0.0/0"),
                        PCI_ENTRY + "critical: ingress rule 1: source nets added 0.0.0.0/0 (critical)"),
                planted("an Allow rule's nets losing a member is a warning",
                        b -> ((ArrayNode) source(b, 0).get("nets")).remove(1),
                        PCI_ENTRY + "warning: ingress rule 1: source nets removed 10.1.0.0/16 (warning)"),
                planted("a Deny rule's ports losing a member is critical",
                        b -> ((ArrayNode) b.rule(PCI, "ingress", 1).get("destination").get("ports")).remove(0),
                        PCI_ENTRY + "critical: ingress rule 2: destination ports removed 22 (critical)"),
                planted("a Deny rule's notNets gaining a member is critical: it denies fewer sources",
                        b -> ((ArrayNode) source(b, 1).get("notNets")).add("10.0.0.0/8"),
                        PCI_ENTRY + "critical: ingress rule 2: source notNets added 10.0.0.0/8 (critical)"),
                planted("a Deny rule's notNets removed is a warning: it denies more sources",
                        b -> source(b, 1).remove("notNets"),
                        PCI_ENTRY + "warning: ingress rule 2: source notNets removed (was [10.9.0.0/16]) (warning)"),
                planted("an Allow rule's namespaceSelector widened to all() is critical",
                        b -> b.rule(PCI, "egress", 0).withObjectProperty("destination").put("namespaceSelector", "all()"),
                        PCI_ENTRY + "critical: egress rule 1: destination namespaceSelector projectcalico.org/name =="
                                + " \"kube-system\" -> all() (critical)"),
                planted("an Allow rule's protocol removed is critical",
                        b -> b.rule("security.allow-partners", "egress", 0).remove("protocol"),
                        PARTNERS_ENTRY + "critical: egress rule 1: protocol removed (was TCP) (critical)"),
                // Policy level
                planted("a policy's selector changed is critical",
                        b -> b.spec("GlobalNetworkPolicy", PCI).put("selector", "PCI == \"yes\""),
                        PCI_ENTRY + "critical: selector: PCI == \"true\" -> PCI == \"yes\" (critical)"),
                planted("a policy's selector widened to all() is a warning",
                        b -> b.spec("GlobalNetworkPolicy", PCI).put("selector", "all()"),
                        PCI_ENTRY + "warning: selector: PCI == \"true\" -> all() (warning)"),
                planted("a policy's types losing Egress is critical",
                        b -> b.spec("GlobalNetworkPolicy", "security.quarantine").putArray("types").add("Ingress"),
                        "GlobalNetworkPolicy security.quarantine MODIFIED critical: types: removed Egress (critical)"),
                planted("a policy's order changed is a warning",
                        b -> b.spec("GlobalNetworkPolicy", "security.block-ips").put("order", 450),
                        "GlobalNetworkPolicy security.block-ips MODIFIED warning: order: 300 -> 450 (warning)"),
                planted("a label changed on a policy is info",
                        b -> b.live("GlobalNetworkPolicy", PCI).withObjectProperty("metadata").withObjectProperty("labels").put("team", "platform"),
                        PCI_ENTRY + "info: label team: security -> platform (info)"),
                planted("a label changed on a network set is a warning: rules select network sets by label",
                        b -> b.live("GlobalNetworkSet", "partners").withObjectProperty("metadata").withObjectProperty("labels").put("zone", "vendors"),
                        "GlobalNetworkSet partners MODIFIED warning: label zone: partners -> vendors (warning)"),
                planted("an annotation added on a policy is info",
                        b -> b.live("GlobalNetworkPolicy", PCI).withObjectProperty("metadata").withObjectProperty("annotations").put("owner", "oncall"),
                        PCI_ENTRY + "info: annotation owner added: oncall (info)"),
                // Whole objects
                planted("a policy missing is critical", b -> b.remove("GlobalNetworkPolicy", "security.block-ips"),
                        "GlobalNetworkPolicy security.block-ips MISSING critical: in Git, not in the cluster (critical)"),
                planted("a tier missing is critical", b -> b.remove("Tier", "security"),
                        "Tier security MISSING critical: in Git, not in the cluster (critical)"),
                planted("a network set missing that a Deny rule selects is critical", b -> b.remove("GlobalNetworkSet", "blocked"),
                        "GlobalNetworkSet blocked MISSING critical: in Git, not in the cluster; Deny rules select it"
                                + " (GlobalNetworkPolicy security.block-ips egress rule 1) (critical)"),
                planted("a network set missing that only Allow rules select is a warning",
                        b -> b.remove("GlobalNetworkSet", "partners"),
                        "GlobalNetworkSet partners MISSING warning: in Git, not in the cluster (warning)"),
                planted("an unmanaged policy with an Allow rule is critical", b -> b.add("""
                                apiVersion: projectcalico.org/v3
                                kind: GlobalNetworkPolicy
                                metadata: {name: security.debug-allow-all}
                                spec: {tier: security, order: 1, selector: app == "frontend", ingress: [{action: Allow}]}
                                """),
                        "GlobalNetworkPolicy security.debug-allow-all UNMANAGED critical: in the cluster, not in Git;"
                                + " ingress rule 1 is Allow (critical)"),
                planted("an unmanaged deny-only policy is a warning", b -> b.add("""
                                apiVersion: projectcalico.org/v3
                                kind: GlobalNetworkPolicy
                                metadata: {name: security.block-ssh}
                                spec: {tier: security, order: 5, selector: all(), ingress: [{action: Deny, protocol: TCP, destination: {ports: [22]}}]}
                                """),
                        "GlobalNetworkPolicy security.block-ssh UNMANAGED warning: in the cluster, not in Git (warning)"),
                planted("an unmanaged network set that an Allow rule selects is critical", b -> b.add("""
                                apiVersion: projectcalico.org/v3
                                kind: GlobalNetworkSet
                                metadata: {name: more-partners, labels: {zone: partners}}
                                spec: {nets: [0.0.0.0/0]}
                                """),
                        "GlobalNetworkSet more-partners UNMANAGED critical: in the cluster, not in Git; Allow rules select"
                                + " it (GlobalNetworkPolicy security.allow-partners egress rule 1) (critical)"),
                planted("a staged policy enforced in the cluster is critical on both entries", b -> b
                                .remove("StagedGlobalNetworkPolicy", "default-deny")
                                .add("""
                                        apiVersion: projectcalico.org/v3
                                        kind: GlobalNetworkPolicy
                                        metadata: {name: default-deny}
                                        spec: {order: 2000, selector: "projectcalico.org/namespace in {'dev', 'default'}", types: [Ingress, Egress]}
                                        """),
                        "GlobalNetworkPolicy default-deny UNMANAGED critical: staged policy default-deny is enforced in the"
                                + " cluster (GlobalNetworkPolicy exists, StagedGlobalNetworkPolicy does not) (critical)"
                                + " | in the cluster, not in Git (warning)",
                        "StagedGlobalNetworkPolicy default-deny MISSING critical: staged policy default-deny is enforced in"
                                + " the cluster (GlobalNetworkPolicy exists, StagedGlobalNetworkPolicy does not) (critical)"
                                + " | in Git, not in the cluster (critical)"),
                planted("an enforced policy only staged in the cluster is critical on both entries", b -> b
                                .remove("GlobalNetworkPolicy", "security.quarantine")
                                .add("""
                                        apiVersion: projectcalico.org/v3
                                        kind: StagedGlobalNetworkPolicy
                                        metadata: {name: security.quarantine}
                                        spec: {tier: security, order: 50, selector: quarantine == "true", types: [Ingress, Egress]}
                                        """),
                        "GlobalNetworkPolicy security.quarantine MISSING critical: enforced policy security.quarantine is"
                                + " only staged in the cluster (StagedGlobalNetworkPolicy exists, GlobalNetworkPolicy does"
                                + " not) (critical) | in Git, not in the cluster (critical)",
                        "StagedGlobalNetworkPolicy security.quarantine UNMANAGED critical: enforced policy"
                                + " security.quarantine is only staged in the cluster (StagedGlobalNetworkPolicy exists,"
                                + " GlobalNetworkPolicy does not) (critical) | in the cluster, not in Git (warning)"),
                // Tiers and Felix
                planted("a tier's defaultAction turned to Pass is critical",
                        b -> b.spec("Tier", "security").put("defaultAction", "Pass"),
                        "Tier security MODIFIED critical: defaultAction: Deny -> Pass (critical)"),
                planted("a tier's order changed is a warning", b -> b.spec("Tier", "security").put("order", 50),
                        "Tier security MODIFIED warning: order: 400 -> 50 (warning)"),
                planted("WireGuard turned off is critical",
                        b -> b.spec("FelixConfiguration", "default").put("wireguardEnabled", false),
                        "FelixConfiguration default MODIFIED critical: wireguardEnabled: true -> false (critical)"),
                planted("a Felix setting Git states changed is a warning",
                        b -> b.spec("FelixConfiguration", "default").put("flowLogsFlushInterval", "5m0s"),
                        "FelixConfiguration default MODIFIED warning: flowLogsFlushInterval: 15s -> 5m0s (warning)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("plantedDrift")
    void audit_plantedChange_isReportedWithItsSeverityAndSentence(String rule, Consumer<DriftBench> change,
                                                                  List<String> expected) {
        AuditReport report = new DriftBench().change(change).audit();

        assertEquals(expected, DriftBench.findings(report), rule);
        assertFalse(report.inSync(), rule);
    }

    static Stream<Arguments> noise() {
        return Stream.of(
                noise("selector quoting, spacing and in {} order",
                        b -> b.spec("StagedGlobalNetworkPolicy", "default-deny")
                                .put("selector", "projectcalico.org/namespace   in {\"default\",'dev'}")),
                noise("rule selector operand order and double quotes",
                        b -> b.rule(PCI, "egress", 0).withObjectProperty("destination").put("selector", "k8s-app==\"kube-dns\"")),
                noise("ports written as strings and as one-port ranges",
                        b -> ((ArrayNode) b.rule(PCI, "ingress", 1).get("destination").get("ports"))
                                .removeAll().add("443").add("22:22")),
                noise("protocol written as a number or a numeric string",
                        b -> {
                            b.rule(PCI, "ingress", 0).put("protocol", 6);
                            b.rule("security.allow-partners", "egress", 1).put("protocol", "UDP");
                        }),
                noise("a default-tier policy read back as default.<name>",
                        b -> b.liveObjects().stream().filter(o -> o.path("kind").asText().equals("NetworkPolicy"))
                                .forEach(o -> o.withObjectProperty("metadata").put("name", "default.centos"))),
                noise("empty and null source and destination",
                        b -> {
                            b.rule(PCI, "egress", 1).putNull("source");
                            b.rule(PCI, "egress", 2).putObject("destination");
                        }),
                noise("set-like lists in another order with repeats",
                        b -> {
                            ((ArrayNode) source(b, 0).get("nets")).removeAll().add("10.1.0.0/16").add("10.0.0.0/16").add("10.1.0.5/16");
                            b.spec("GlobalNetworkPolicy", PCI).putArray("types").add("Egress").add("Ingress");
                        }),
                noise("server metadata, the tier label and status",
                        b -> {
                            b.live("GlobalNetworkPolicy", PCI).withObjectProperty("metadata").put("resourceVersion", "999999")
                                    .withObjectProperty("labels").put("projectcalico.org/tier", "security");
                            b.live("Tier", "security").withObjectProperty("status").put("phase", "Ready");
                        }),
                noise("order written as a float", b -> b.spec("Tier", "security").put("order", 400.0)),
                noise("false flags the server leaves out", b -> b.spec("GlobalNetworkPolicy", PCI).put("doNotTrack", false)),
                noise("operator fields on FelixConfiguration default",
                        b -> b.spec("FelixConfiguration", "default").put("healthPort", 9099).put("logSeverityScreen", "Info")),
                noise("objects Calico and the operator generate", b -> b.add("""
                                apiVersion: projectcalico.org/v3
                                kind: GlobalNetworkSet
                                metadata: {name: threatfeed.feodo, labels: {feed: blocked}}
                                spec: {nets: [192.0.2.1/32]}
                                """).add("""
                                apiVersion: projectcalico.org/v3
                                kind: NetworkPolicy
                                metadata: {name: knp.default.nginx, namespace: dev}
                                spec: {selector: all(), ingress: [{action: Allow}]}
                                """).add("""
                                apiVersion: projectcalico.org/v3
                                kind: FelixConfiguration
                                metadata: {name: node.ip-10-0-1-23}
                                spec: {defaultEndpointToHostAction: Return}
                                """)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("noise")
    void audit_noiseThatIsNotAChange_staysInSync(String what, Consumer<DriftBench> change) {
        AuditReport report = new DriftBench().change(change).audit();

        assertEquals(List.of(), DriftBench.findings(report), what);
        assertTrue(report.inSync(), what);
    }

    @Test
    void audit_unchangedRoundTrip_isInSyncWithFullCoverage() {
        AuditReport report = new DriftBench().audit();

        assertEquals(List.of(), DriftBench.findings(report));
        assertEquals(10, report.count(DriftStatus.IN_SYNC));
        assertEquals(new Coverage(6, 6), report.coverage());
    }

    @Test
    void audit_modifiedEntry_carriesThePatchThatRestoresGit() {
        AuditReport report = new DriftBench().change(b -> b.rule(PCI, "egress", 1).put("action", "Allow")).audit();

        DriftEntry pci = report.entries().stream().filter(e -> e.id().name().equals(PCI)).findFirst().orElseThrow();
        assertEquals("[{\"op\":\"replace\",\"path\":\"/spec/egress/1/action\",\"value\":\"Deny\"}]", pci.patch().toString());
        assertEquals("/spec/egress/1/action", pci.changes().get(0).pointer());
        assertEquals("clusters/bench/resources.yaml", pci.desiredAt().orElseThrow().file());
    }

    private static Arguments planted(String rule, Consumer<DriftBench> change, String... expected) {
        return arguments(rule, change, List.of(expected));
    }

    private static Arguments noise(String what, Consumer<DriftBench> change) {
        return arguments(what, change);
    }

    private static ObjectNode rule(String action) {
        return JsonNodeFactory.instance.objectNode().put("action", action);
    }

    private static ObjectNode source(DriftBench b, int ingressRule) {
        return b.rule(PCI, "ingress", ingressRule).withObjectProperty("source");
    }

    private static void swap(ArrayNode rules, int i, int j) {
        var a = rules.get(i);
        rules.set(i, rules.get(j));
        rules.set(j, a);
    }
}
