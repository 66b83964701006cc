package io.calicogitops.validate;

import io.calicogitops.diag.Diagnostics;
import io.calicogitops.model.Resource;
import io.calicogitops.model.ResourceId;
import io.calicogitops.yaml.YamlDocument;
import io.calicogitops.yaml.YamlReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Calico's rules that a CRD schema cannot express (RuleChecks, PolicyChecks, NetworkSetChecks), on small documents. */
class ManifestValidatorTest {

    private final ManifestValidator validator = new ManifestValidator();

    private static List<YamlDocument> read(String yaml) {
        Diagnostics parse = new Diagnostics();
        List<YamlDocument> docs = new YamlReader().read(yaml, "p.yaml", parse);
        assertEquals("", parse.format(), "test input must be valid YAML");
        return docs;
    }

    private String validate(String yaml) {
        Diagnostics d = new Diagnostics();
        for (YamlDocument doc : read(yaml)) {
            validator.validate(Resource.of(doc.body(), doc.location()), Locator.of(doc.locations()), d);
        }
        return d.format();
    }

    private String validateCluster(String yaml) {
        Diagnostics d = new Diagnostics();
        List<Resource> resources = new ArrayList<>();
        Map<ResourceId, Locator> where = new HashMap<>();
        for (YamlDocument doc : read(yaml)) {
            Resource r = Resource.of(doc.body(), doc.location());
            resources.add(r);
            where.put(r.id(), Locator.of(doc.locations()));
        }
        validator.validateCluster(resources, where::get, d);
        return d.format();
    }

    /** A GlobalNetworkPolicy in tier security; {@code spec} is indented by two spaces and starts on line 7. */
    private static String gnp(String spec) {
        return """
                apiVersion: projectcalico.org/v3
                kind: GlobalNetworkPolicy
                metadata:
                  name: security.p
                spec:
                  tier: security
                """ + spec;
    }

    @Test
    void validate_wellFormedPolicy_hasNoFindings() {
        assertEquals("", validate(gnp("""
                  order: 100
                  selector: app == "frontend"
                  types: [Ingress, Egress]
                  ingress:
                  - action: Allow
                    protocol: TCP
                    source: {selector: app == "loadgenerator", namespaceSelector: global()}
                    destination: {ports: [8080, '9000:9100', http]}
                  egress:
                  - action: Allow
                    destination: {domains: ['*.twilio.com']}
                  - action: Deny
                    destination: {nets: [198.51.100.7/32, 203.0.113.0/24]}
                  - action: Pass
                """)));
    }

    @Test
    void validate_actionInTheWrongCase_isReportedOnceWithTheRightSpelling() {
        assertEquals("""
                p.yaml:9:13: error: spec.ingress[0].action: must be one of Allow, Deny, Log, Pass (got 'allow')
                    hint: did you mean 'Allow'?""", validate(gnp("""
                  types: [Ingress]
                  ingress:
                  - action: allow
                """)));
    }

    @Test
    void validate_unknownAction_isReportedOnce() {
        assertEquals("p.yaml:9:13: error: spec.ingress[0].action: must be one of Allow, Deny, Log, Pass (got 'Accept')",
                validate(gnp("""
                  types: [Ingress]
                  ingress:
                  - action: Accept
                """)));
    }

    @Test
    void validate_ruleWithoutAction_isReportedOnce() {
        assertEquals("p.yaml:9:5: error: spec.ingress[0]: missing required field 'action'", validate(gnp("""
                  types: [Ingress]
                  ingress:
                  - protocol: TCP
                """)));
    }

    @Test
    void validate_portsWithoutProtocol_pointAtThePorts() {
        assertEquals("p.yaml:11:14: error: spec.ingress[0].destination: ports need protocol TCP, UDP or SCTP"
                + " (the rule has no protocol)", validate(gnp("""
                  types: [Ingress]
                  ingress:
                  - action: Allow
                    destination:
                      ports: [80]
                """)));
    }

    @Test
    void validate_portsWithIcmp_nameTheProtocol() {
        assertEquals("p.yaml:12:17: error: spec.egress[0].source: ports need protocol TCP, UDP or SCTP (got ICMP)",
                validate(gnp("""
                  types: [Egress]
                  egress:
                  - action: Allow
                    protocol: ICMP
                    source:
                      notPorts: [7]
                """)));
    }

    @Test
    void validate_badPorts_areEachReportedAtTheirColumn() {
        assertEquals("""
                p.yaml:12:15: error: spec.ingress[0].destination.ports[0]: port range '90:80' must be a:b with 1 <= a <= b <= 65535
                p.yaml:12:24: error: spec.ingress[0].destination.ports[1]: port 70000 is not in 1-65535
                p.yaml:12:31: error: spec.ingress[0].destination.ports[2]: 'Http' is not a port, a port range or a port name
                p.yaml:12:37: error: spec.ingress[0].destination.ports[3]: 'a-very-long-port-name' is not a port, a port range or a port name""",
                validate(gnp("""
                  types: [Ingress]
                  ingress:
                  - action: Allow
                    protocol: TCP
                    destination:
                      ports: ['90:80', 70000, Http, a-very-long-port-name, http, '80:90', '443']
                """)));
    }

    @Test
    void validate_protocolInTheWrongCase_hasAHint() {
        assertEquals("""
                p.yaml:10:15: error: spec.egress[0].protocol: unknown protocol 'tcp' (expected TCP, UDP, ICMP, ICMPv6, SCTP, UDPLite or 1-255)
                    hint: protocol names are case-sensitive: write 'TCP'""", validate(gnp("""
                  types: [Egress]
                  egress:
                  - action: Allow
                    protocol: tcp
                """)));
    }

    @Test
    void validate_domainsInAnIngressRule_areRefused() {
        assertEquals("p.yaml:11:16: error: spec.ingress[0].destination.domains: domains are only allowed in the"
                + " destination of an egress Allow rule", validate(gnp("""
                  types: [Ingress]
                  ingress:
                  - action: Allow
                    destination:
                      domains: ['*.x.com']
                """)));
    }

    @Test
    void validate_domainsInAnEgressDenyRule_areRefused() {
        assertEquals("p.yaml:11:16: error: spec.egress[0].destination.domains: domains are only allowed in the"
                + " destination of an egress Allow rule", validate(gnp("""
                  types: [Egress]
                  egress:
                  - action: Deny
                    destination:
                      domains: [www.example.com]
                """)));
    }

    @Test
    void validate_globalOutsideAWholeRuleNamespaceSelector_isRefusedWithTheOneAllowedForm() {
        String hint = "\n    hint: write 'namespaceSelector: global()' to match GlobalNetworkSets and host endpoints";
        assertEquals("p.yaml:7:13: error: spec.selector: global() may only be the whole namespaceSelector of a rule" + hint
                + "\np.yaml:15:26: error: spec.egress[1].destination.namespaceSelector: global() may only be the whole"
                + " namespaceSelector of a rule" + hint
                + "\np.yaml:18:17: error: spec.egress[2].destination.selector: global() may only be the whole"
                + " namespaceSelector of a rule" + hint, validate(gnp("""
                  selector: global()
                  types: [Egress]
                  egress:
                  - action: Allow
                    destination:
                      namespaceSelector: global()
                  - action: Allow
                    destination:
                      namespaceSelector: global() && a == 'b'
                  - action: Allow
                    destination:
                      selector: global()
                """)));
    }

    @Test
    void validate_selectorSyntaxError_pointsAtTheColumnInsideTheValue() {
        assertEquals("p.yaml:7:20: error: spec.selector: selector: expected '{' after 'in', found label 'frontend'",
                validate(gnp("  selector: app in frontend\n")));
    }

    @Test
    void validate_policyNamedForAnotherTier_isRefusedWithTheRightName() {
        assertEquals("""
                p.yaml:4:9: error: metadata.name: a policy in tier 'security' must be named 'security.<name>' (got 'platform.x')
                    hint: rename it to 'security.x'""", validate("""
                apiVersion: projectcalico.org/v3
                kind: GlobalNetworkPolicy
                metadata:
                  name: platform.x
                spec:
                  tier: security
                """));
    }

    @Test
    void validate_bareNameInANonDefaultTier_isRefused() {
        assertEquals("""
                p.yaml:4:9: error: metadata.name: a policy in tier 'security' must be named 'security.<name>' (got 'x')
                    hint: rename it to 'security.x'""", validate("""
                apiVersion: projectcalico.org/v3
                kind: NetworkPolicy
                metadata:
                  name: x
                  namespace: dev
                spec:
                  tier: security
                """));
    }

    @Test
    void validate_tierPrefixOnADefaultTierPolicy_isRefused() {
        assertEquals("""
                p.yaml:4:9: error: metadata.name: 'security.x' names tier 'security' but spec.tier is default
                    hint: set spec.tier, or drop the prefix""", validate("""
                apiVersion: projectcalico.org/v3
                kind: GlobalNetworkPolicy
                metadata:
                  name: security.x
                spec:
                  selector: all()
                """));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"default.x", "x"})
    void validate_defaultTierPolicy_mayCarryTheDefaultPrefixOrNone(String name) {
        assertEquals("", validate("""
                apiVersion: projectcalico.org/v3
                kind: GlobalNetworkPolicy
                metadata:
                  name: %s
                spec:
                  tier: default
                """.formatted(name)));
    }

    /** Calico accepts rules for a direction types leaves out (upgrade compatibility); lint CG-L007 reports them. */
    @Test
    void validate_egressRulesWithoutEgressType_areAccepted() {
        assertEquals("", validate(gnp("""
                  types: [Ingress]
                  egress:
                  - action: Allow
                """)));
    }

    @Test
    void validate_ingressRulesWithoutIngressType_areAccepted() {
        assertEquals("", validate(gnp("""
                  types: [Egress]
                  ingress:
                  - action: Deny
                """)));
    }

    @Test
    void validate_rulesWithoutTypes_areLeftToCalicosDefaulting() {
        assertEquals("", validate(gnp("""
                  egress:
                  - action: Deny
                """)));
    }

    @Test
    void validate_networkSetWithTheNamespaceLabel_isRefused() {
        assertEquals("p.yaml:6:34: error: metadata.labels: 'projectcalico.org/namespace' is reserved and not allowed"
                + " on a network set", validate("""
                apiVersion: projectcalico.org/v3
                kind: GlobalNetworkSet
                metadata:
                  name: s
                  labels:
                    projectcalico.org/namespace: dev
                spec:
                  nets: [10.0.0.0/8]
                """));
    }

    @Test
    void validate_networkSetNetsAndDomains_areChecked() {
        assertEquals("""
                p.yaml:6:22: error: spec.nets[1]: '$MY_IP/32' is not a valid CIDR: '$MY_IP' is not an IPv4 or IPv6 address
                p.yaml:7:42: error: spec.allowedEgressDomains[1]: domain 'bad domain' has a bad label 'bad domain'""",
                validate("""
                apiVersion: projectcalico.org/v3
                kind: GlobalNetworkSet
                metadata:
                  name: ip-address-list
                spec:
                  nets: [10.0.0.0/8, $MY_IP/32]
                  allowedEgressDomains: ['*.twilio.com', bad domain]
                """));
    }

    @Test
    void validateCluster_policyInAMissingTier_namesTheTiersThere() {
        assertEquals("""
                p.yaml:12:9: error: GlobalNetworkPolicy payments.p: tier 'payments' does not exist
                    hint: add a Tier named 'payments' (clientv3 refuses to create a policy in a missing tier); tiers here: security""",
                validateCluster("""
                apiVersion: projectcalico.org/v3
                kind: Tier
                metadata: {name: security}
                spec: {order: 400}
                ---
                apiVersion: projectcalico.org/v3
                kind: GlobalNetworkPolicy
                metadata:
                  name: payments.p
                spec:
                  order: 1
                  tier: payments
                """));
    }

    @Test
    void validateCluster_builtInTiersAndTheDefaultTier_needNoTierDocument() {
        assertEquals("", validateCluster("""
                apiVersion: projectcalico.org/v3
                kind: NetworkPolicy
                metadata: {name: allow-tigera.x, namespace: calico-system}
                spec: {tier: allow-tigera}
                ---
                apiVersion: projectcalico.org/v3
                kind: GlobalNetworkPolicy
                metadata: {name: x}
                spec: {selector: all()}
                """));
    }
}
