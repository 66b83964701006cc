package io.calicogitops.policy;

import io.calicogitops.diag.Diagnostic;
import io.calicogitops.diag.Diagnostics;
import io.calicogitops.yaml.YamlReader;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One finding per lint code, and none where the pattern is deliberate. */
class LinterTest {

    private static final Path WORKSHOP = Path.of(System.getProperty("project.root", "..")).toAbsolutePath().normalize()
            .resolve("testdata/upstream/workshop/regismartins");

    private static final String TIERS = """
            apiVersion: projectcalico.org/v3
            kind: Tier
            metadata: {name: security}
            spec: {order: 400}
            ---
            """;

    private static final String PODS = """
            apiVersion: v1
            kind: Pod
            metadata: {name: centos, namespace: dev, labels: {app: centos}}
            spec: {containers: [{name: c, ports: [{containerPort: 80}]}]}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: nginx, namespace: dev, labels: {app: nginx}}
            spec: {containers: [{name: c, ports: [{containerPort: 80}]}]}
            ---
            """;

    private static List<Diagnostic> lint(String yaml) {
        Diagnostics diagnostics = new Diagnostics();
        ModelBuilder b = new ModelBuilder(diagnostics).addAll(new YamlReader().read(yaml, "policies.yaml", diagnostics));
        assertTrue(!diagnostics.hasErrors(), diagnostics::format);
        return new Linter(b.build(List.of()), Set.of("quarantine")).run();
    }

    private static List<String> codes(List<Diagnostic> findings) {
        return findings.stream().map(d -> d.message().substring(0, 7)).toList();
    }

    @Test
    void workshopDnsPolicy_withoutTrailingPass_isCgL001AtItsName() {
        Diagnostics diagnostics = new Diagnostics();
        YamlReader yaml = new YamlReader();
        ModelBuilder b = new ModelBuilder(diagnostics)
                .addAll(yaml.readFile(WORKSHOP.resolve("inline/01-tiers-security-platform.yaml"), "inline/01-tiers-security-platform.yaml", diagnostics))
                .addAll(yaml.readFile(WORKSHOP.resolve("inline/11-globalnetworkpolicy-security.external-domain-access.yaml"),
                        "inline/11-globalnetworkpolicy-security.external-domain-access.yaml", diagnostics));

        List<Diagnostic> findings = new Linter(b.build(List.of()), Set.of()).run();

        assertEquals(1, findings.size(), findings.toString());
        assertEquals("inline/11-globalnetworkpolicy-security.external-domain-access.yaml:5:9: warning: CG-L001: policy "
                + "security.external-domain-access in tier security has no trailing Pass for Egress: the tier's implicit Deny "
                + "drops every egress flow of the workloads it selects that its rules do not match, including flows later tiers allow",
                findings.get(0).format().lines().findFirst().orElseThrow());
    }

    @Test
    void noTrailingPass_butALaterCatchAllPassPolicy_isNoFinding() {
        String yaml = TIERS + """
                apiVersion: projectcalico.org/v3
                kind: GlobalNetworkPolicy
                metadata: {name: security.dns}
                spec: {tier: security, order: 100, selector: app == "centos", types: [Egress], egress: [{action: Allow, destination: {domains: ['*.twilio.com']}}]}
                ---
                apiVersion: projectcalico.org/v3
                kind: GlobalNetworkPolicy
                metadata: {name: security.pass-to-next-tier}
                spec: {tier: security, order: 10000, selector: all(), types: [Ingress, Egress], ingress: [{action: Pass}], egress: [{action: Pass}]}
                """;

        assertEquals(List.of(), lint(yaml));
    }

    @Test
    void aCatchAllPassThatComesEarlier_doesNotCover() {
        String yaml = TIERS + """
                apiVersion: projectcalico.org/v3
                kind: GlobalNetworkPolicy
                metadata: {name: security.pass-first}
                spec: {tier: security, order: 1, selector: all(), types: [Egress], egress: [{action: Pass}]}
                ---
                apiVersion: projectcalico.org/v3
                kind: GlobalNetworkPolicy
                metadata: {name: security.dns}
                spec: {tier: security, order: 100, selector: app == "centos", types: [Egress], egress: [{action: Allow, protocol: UDP}]}
                """;

        assertEquals(List.of("CG-L001"), codes(lint(yaml)));
    }

    @Test
    void ruleAfterACatchAllOrADuplicate_isShadowed_CgL002() {
        String yaml = """
                apiVersion: projectcalico.org/v3
                kind: NetworkPolicy
                metadata: {name: web, namespace: dev}
                spec:
                  selector: all()
                  ingress:
                  - {action: Allow, protocol: TCP, destination: {ports: [80]}}
                  - {action: Deny, protocol: TCP, destination: {ports: [80]}}
                  - {action: Pass}
                  - {action: Allow, protocol: UDP}
                """;

        List<Diagnostic> findings = lint(yaml);

        assertEquals(List.of("CG-L002", "CG-L002"), codes(findings));
        assertTrue(findings.get(0).format().startsWith("policies.yaml:8:5: warning: CG-L002: dev/web ingress rule 2 can never match: rule 1 (Allow)"),
                findings.get(0).format());
        assertTrue(findings.get(1).format().contains("ingress rule 4 can never match: rule 3 (Pass)"), findings.get(1).format());
    }

    @Test
    void selectorMatchingNoWorkload_andUnknownLabel_CgL003AndCgL006() {
        String yaml = PODS + """
                apiVersion: projectcalico.org/v3
                kind: NetworkPolicy
                metadata: {name: typo, namespace: dev}
                spec: {selector: ap == "nginx", ingress: [{action: Allow, source: {selector: app == "centos"}}]}
                ---
                apiVersion: projectcalico.org/v3
                kind: GlobalNetworkPolicy
                metadata: {name: quarantined}
                spec: {selector: quarantine == "true", ingress: [{action: Deny}], egress: [{action: Deny}]}
                """;

        List<Diagnostic> findings = lint(yaml);

        assertEquals(List.of("CG-L003", "CG-L006"), codes(findings), findings.toString());
        assertTrue(findings.get(1).format().contains("selector ap == \"nginx\" uses label ap that no known workload"), findings.toString());
    }

    @Test
    void equalOrdersInOneTier_forPoliciesThatMeet_CgL005() {
        String yaml = PODS + TIERS + """
                apiVersion: projectcalico.org/v3
                kind: GlobalNetworkPolicy
                metadata: {name: security.a}
                spec: {tier: security, order: 100, selector: app == "nginx", ingress: [{action: Pass}]}
                ---
                apiVersion: projectcalico.org/v3
                kind: GlobalNetworkPolicy
                metadata: {name: security.b}
                spec: {tier: security, order: 100, selector: all(), ingress: [{action: Pass}]}
                ---
                apiVersion: projectcalico.org/v3
                kind: GlobalNetworkPolicy
                metadata: {name: security.c}
                spec: {tier: security, order: 200, selector: app == "centos", ingress: [{action: Pass}]}
                ---
                apiVersion: projectcalico.org/v3
                kind: GlobalNetworkPolicy
                metadata: {name: security.d}
                spec: {tier: security, order: 200, selector: app == "nginx", ingress: [{action: Pass}]}
                """;

        List<Diagnostic> findings = lint(yaml);

        assertEquals(List.of("CG-L005"), codes(findings), findings.toString());
        assertTrue(findings.get(0).format().contains("security.b has the same order (100) as security.a"), findings.toString());
    }

    @Test
    void rulesForADirectionTypesLeavesOut_CgL007AtTypes() {
        String yaml = """
                apiVersion: projectcalico.org/v3
                kind: GlobalNetworkPolicy
                metadata: {name: p}
                spec:
                  types: [Ingress]
                  ingress: [{action: Allow}]
                  egress: [{action: Allow}]
                ---
                apiVersion: projectcalico.org/v3
                kind: GlobalNetworkPolicy
                metadata: {name: q}
                spec:
                  ingress: [{action: Allow}]
                  egress: [{action: Allow}]
                """;

        List<Diagnostic> findings = lint(yaml);

        assertEquals(List.of("CG-L007"), codes(findings), findings.toString());
        assertEquals("policies.yaml:5:10: warning: CG-L007: policy p has egress rules but its types leave out Egress:"
                + " Calico never applies them", findings.get(0).format().lines().findFirst().orElseThrow());
    }

    @Test
    void stagedPolicyDenyingAllowedTraffic_CgL004() {
        String yaml = PODS + """
                apiVersion: projectcalico.org/v3
                kind: StagedGlobalNetworkPolicy
                metadata: {name: default-deny}
                spec: {order: 2000, selector: projectcalico.org/namespace == "dev", types: [Ingress, Egress]}
                """;

        List<Diagnostic> findings = lint(yaml);

        assertEquals(List.of("CG-L004"), codes(findings), findings.toString());
        assertTrue(findings.get(0).format().contains("staged policy default-deny would deny 2 flows allowed now"), findings.toString());
    }

    @Test
    void stagedPolicyDenyingSomeSourcePortsOnly_CgL004() {
        // Allowed now from every source port; the staged policy denies client ports 40000-50000 (then allows).
        String yaml = PODS + """
                apiVersion: projectcalico.org/v3
                kind: StagedGlobalNetworkPolicy
                metadata: {name: some-ports}
                spec:
                  order: 10
                  selector: app == "nginx"
                  types: [Ingress]
                  ingress: [{action: Deny, protocol: TCP, source: {ports: ['40000:50000']}}, {action: Allow}]
                """;

        List<Diagnostic> findings = lint(yaml);

        assertEquals(List.of("CG-L004"), codes(findings), findings.toString());
        assertTrue(findings.get(0).format().contains("staged policy some-ports would deny 1 flow allowed now"), findings.toString());
    }

    /**
     * An end-of-tier denial is blamed on a staged policy of that tier that selects the denied endpoint, not on the
     * first staged policy of the tier: two staged policies in tier default, one per namespace.
     */
    @Test
    void stagedEndOfTierDenialIsBlamedOnThePolicyThatSelectsTheEndpoint_CgL004() {
        String yaml = PODS + """
                apiVersion: v1
                kind: Pod
                metadata: {name: web, namespace: shop, labels: {app: web}}
                spec: {containers: [{name: c, ports: [{containerPort: 8080}]}]}
                ---
                apiVersion: projectcalico.org/v3
                kind: StagedGlobalNetworkPolicy
                metadata: {name: a-dev-only}
                spec: {order: 100, selector: projectcalico.org/namespace == "dev", types: [Egress], egress: [{action: Allow}]}
                ---
                apiVersion: projectcalico.org/v3
                kind: StagedNetworkPolicy
                metadata: {name: shop-ingress, namespace: shop}
                spec: {order: 200, selector: all(), types: [Ingress], ingress: [{action: Allow, protocol: TCP, source: {namespaceSelector: projectcalico.org/name == "shop"}}]}
                """;

        List<Diagnostic> findings = lint(yaml);

        assertEquals(List.of("CG-L004"), codes(findings), findings.toString());
        assertTrue(findings.get(0).format().contains("staged policy shop/shop-ingress would deny 2 flows allowed now"), findings.toString());
    }
}
