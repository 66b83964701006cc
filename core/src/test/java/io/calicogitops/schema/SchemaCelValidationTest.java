package io.calicogitops.schema;

import io.calicogitops.diag.Diagnostic;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.calicogitops.schema.SchemaFixtures.assertSingleError;
import static io.calicogitops.schema.SchemaFixtures.messages;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The CRDs' CEL rules refuse what the API server refuses (each example with a valid counterpart, so the rules raise
 * no false refusal), on the default Enterprise CRDs.
 */
class SchemaCelValidationTest {

    private static final SchemaValidator ENTERPRISE = SchemaValidator.of(CrdFlavour.ENTERPRISE);

    private static final String GNP = """
            apiVersion: projectcalico.org/v3
            kind: GlobalNetworkPolicy
            metadata:
              name: security.web
            spec:
              tier: security
            """;

    private static String ingress(String rule) {
        return GNP + "  ingress:\n  - " + rule.strip().replace("\n", "\n    ") + "\n";
    }

    private static void assertValid(String yaml) {
        assertEquals(List.of(), messages(ENTERPRISE, yaml));
    }

    @Test
    void icmpCodeWithoutType_isRefusedAtTheIcmpField() {
        assertSingleError(ENTERPRISE, ingress("{action: Allow, protocol: ICMP, icmp: {code: 0}}"),
                "spec.ingress[0].icmp: ICMP code specified without an ICMP type", "/spec/ingress/0/icmp");
        assertSingleError(ENTERPRISE, ingress("{action: Allow, protocol: ICMP, notICMP: {code: 0}}"),
                "spec.ingress[0].notICMP: ICMP code specified without an ICMP type", "/spec/ingress/0/notICMP");
        assertValid(ingress("{action: Allow, protocol: ICMP, icmp: {type: 8, code: 0}}"));
    }

    @Test
    void icmpFieldsWithoutIcmpProtocol_areRefused() {
        assertSingleError(ENTERPRISE, ingress("{action: Allow, protocol: TCP, icmp: {type: 8}}"),
                "spec.ingress[0]: ICMP fields require protocol to be ICMP or ICMPv6", "/spec/ingress/0");
        assertSingleError(ENTERPRISE, ingress("{action: Allow, icmp: {type: 8}}"),
                "spec.ingress[0]: ICMP fields require protocol to be ICMP or ICMPv6", "/spec/ingress/0");
        assertValid(ingress("{action: Allow, protocol: ICMPv6, icmp: {type: 128}}"));
        assertValid(ingress("{action: Allow, protocol: 1, icmp: {type: 8}}"));
    }

    @Test
    void icmpWithTheOtherIpVersion_isRefused() {
        assertSingleError(ENTERPRISE, ingress("{action: Allow, protocol: ICMP, ipVersion: 6}"),
                "spec.ingress[0]: protocol ICMP requires ipVersion 4", "/spec/ingress/0");
        assertSingleError(ENTERPRISE, ingress("{action: Allow, protocol: ICMPv6, ipVersion: 4}"),
                "spec.ingress[0]: protocol ICMPv6 requires ipVersion 6", "/spec/ingress/0");
        assertSingleError(ENTERPRISE, ingress("{action: Allow, notProtocol: 58, ipVersion: 4}"),
                "spec.ingress[0]: protocol ICMPv6 requires ipVersion 6", "/spec/ingress/0");
        assertValid(ingress("{action: Allow, protocol: ICMP, ipVersion: 4}"));
        assertValid(ingress("{action: Allow, protocol: ICMPv6, ipVersion: 6}"));
    }

    @Test
    void httpMatchOnDenyOrWithUdp_isRefused() {
        assertSingleError(ENTERPRISE, ingress("{action: Deny, http: {methods: [GET]}}"),
                "spec.ingress[0]: HTTP match is only valid on Allow rules", "/spec/ingress/0");
        assertSingleError(ENTERPRISE, ingress("{action: Allow, protocol: UDP, http: {methods: [GET]}}"),
                "spec.ingress[0]: rules with HTTP match must have protocol TCP or unset", "/spec/ingress/0");
        assertValid(ingress("{action: Allow, protocol: TCP, http: {methods: [GET]}}"));
        assertValid(ingress("{action: Allow, protocol: 6, http: {methods: [GET]}}"));
        assertValid(ingress("{action: Allow, http: {paths: [{prefix: /api}]}}"));
    }

    @Test
    void preDnatWithDoNotTrackOrEgress_isRefused() {
        assertSingleError(ENTERPRISE, GNP + "  preDNAT: true\n  doNotTrack: true\n  applyOnForward: true\n",
                "spec: preDNAT and doNotTrack cannot both be true", "/spec");
        assertSingleError(ENTERPRISE, GNP + "  preDNAT: true\n  applyOnForward: true\n  types: [Egress]\n",
                "spec: preDNAT policy cannot have 'Egress' type", "/spec");
        assertSingleError(ENTERPRISE, GNP + "  preDNAT: true\n  applyOnForward: true\n  egress: [{action: Deny}]\n",
                "spec: preDNAT policy cannot have any egress rules", "/spec");
        assertSingleError(ENTERPRISE, GNP + "  preDNAT: true\n",
                "spec: applyOnForward must be true if either preDNAT or doNotTrack is true", "/spec");
        assertValid(GNP + "  preDNAT: true\n  applyOnForward: true\n  types: [Ingress]\n  ingress: [{action: Deny}]\n");
        assertValid(GNP + "  doNotTrack: true\n  applyOnForward: true\n  egress: [{action: Allow}]\n");
    }

    @Test
    void servicesWithServiceAccounts_isRefusedAtTheEntityRule() {
        assertSingleError(ENTERPRISE, GNP + """
                  egress:
                  - action: Allow
                    destination:
                      services: {name: api, namespace: prod}
                      serviceAccounts: {names: [web]}
                """,
                "spec.egress[0].destination: cannot specify ServiceAccounts and Services on the same rule",
                "/spec/egress/0/destination");
        assertValid(GNP + """
                  egress:
                  - action: Allow
                    source:
                      serviceAccounts: {names: [web]}
                    destination:
                      services: {name: api, namespace: prod}
                """);
    }

    @Test
    void builtInTiersWithOtherOrderOrAction_areRefused() {
        String tier = "apiVersion: projectcalico.org/v3\nkind: Tier\nmetadata: {name: %s}\nspec: %s\n";
        assertSingleError(ENTERPRISE, tier.formatted("default", "{order: 100}"),
                "default tier order must be 1000000", "");
        assertSingleError(ENTERPRISE, tier.formatted("default", "{order: 1000000, defaultAction: Pass}"),
                "The 'default' tier must have default action 'Deny'", "");
        assertSingleError(ENTERPRISE, tier.formatted("kube-admin", "{order: 1000, defaultAction: Deny}"),
                "The 'kube-admin' tier must have default action 'Pass'", "");
        assertSingleError(ENTERPRISE, tier.formatted("kube-admin", "{order: 2000, defaultAction: Pass}"),
                "kube-admin tier order must be 1000", "");
        assertSingleError(ENTERPRISE, tier.formatted("kube-baseline", "{order: 10000000}"),
                "The 'kube-baseline' tier must have default action 'Pass'", "");
        assertSingleError(ENTERPRISE, tier.formatted("kube-baseline", "{defaultAction: Pass}"),
                "kube-baseline tier order must be 10000000", "");
        // An integer order is the number 1000000.0 the rule compares with; a missing defaultAction defaults to Deny.
        assertValid(tier.formatted("default", "{order: 1000000}"));
        assertValid(tier.formatted("kube-admin", "{order: 1000, defaultAction: Pass}"));
        assertValid(tier.formatted("kube-baseline", "{order: 10000000.0, defaultAction: Pass}"));
        assertValid(tier.formatted("security", "{order: 100, defaultAction: Pass}"));
    }

    @Test
    void felixAddresses_useTheKubernetesIpLibrary() {
        String felix = "apiVersion: projectcalico.org/v3\nkind: FelixConfiguration\nmetadata: {name: %s}\nspec: %s\n";
        assertSingleError(ENTERPRISE, felix.formatted("default", "{natOutgoingAddress: 2001:db8::1}"),
                "spec: natOutgoingAddress must be a valid IPv4 address", "/spec");
        assertSingleError(ENTERPRISE, felix.formatted("default", "{deviceRouteSourceAddressIPv6: 10.0.0.1}"),
                "spec: deviceRouteSourceAddressIPv6 must be a valid IPv6 address", "/spec");
        assertSingleError(ENTERPRISE, felix.formatted("node.a", "{nodeSelector: all()}"),
                "nodeSelector must not be set on the 'default' or per-node ('node.*') FelixConfiguration", "");
        assertValid(felix.formatted("default", "{natOutgoingAddress: 10.0.0.1, deviceRouteSourceAddressIPv6: 'fd00::1'}"));
        assertValid(felix.formatted("edge", "{nodeSelector: all()}"));
    }

    @Test
    void ruleInsideArrayItems_isReportedPerItem() {
        List<String> errors = messages(ENTERPRISE, GNP + """
                  ingress:
                  - {action: Allow, protocol: ICMP, icmp: {code: 1}}
                  - {action: Allow}
                  - {action: Log, http: {methods: [GET]}}
                """);
        assertEquals(List.of("spec.ingress[0].icmp: ICMP code specified without an ICMP type",
                "spec.ingress[2]: HTTP match is only valid on Allow rules"), errors);
    }

    @Test
    void typeError_skipsTheRules_likeTheApiServer() {
        // apiextensions-apiserver does not run CEL rules on an object with a type error (hasBlockingErr).
        assertSingleError(ENTERPRISE, ingress("{action: Allow, protocol: ICMP, ipVersion: '6'}"),
                "spec.ingress[0].ipVersion: expected integer, got string", "/spec/ingress/0/ipVersion");
    }

    @Test
    void schemaAndRuleErrors_areReportedTogether() {
        List<Diagnostic> errors = ENTERPRISE.validate(SchemaFixtures.yaml(GNP + """
                  order: 10
                  selektor: all()
                  ingress:
                  - {action: Deny, http: {methods: [GET]}}
                """), new SchemaFixtures.Recorder());
        assertEquals(List.of("spec.ingress[0]: HTTP match is only valid on Allow rules", "spec.selektor: unknown field"),
                errors.stream().map(Diagnostic::message).toList());
    }
}
