package io.calicogitops.validate;

import io.calicogitops.diag.Diagnostics;
import io.calicogitops.model.Resource;
import io.calicogitops.schema.CrdFlavour;
import io.calicogitops.yaml.YamlDocument;
import io.calicogitops.yaml.YamlReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The cross-field checks ported from Calico's validator.go, each with its message and place. */
class CalicoCrossFieldChecksTest {

    private static String validate(String yaml, CrdFlavour flavour) {
        Diagnostics parse = new Diagnostics();
        Diagnostics d = new Diagnostics();
        // The bundled OSS CRDs are those of Calico OSS 3.32; the Enterprise ones are validated as Calico Cloud.
        ManifestValidator validator = new ManifestValidator(flavour == CrdFlavour.OSS
                ? CalicoTarget.of(CalicoTarget.Edition.OSS, "3.32").target().orElseThrow() : CalicoTarget.CLOUD);
        for (YamlDocument doc : new YamlReader().read(yaml, "p.yaml", parse)) {
            validator.validate(Resource.of(doc.body(), doc.location()), Locator.of(doc.locations()), d);
        }
        assertEquals("", parse.format());
        return d.format();
    }

    /** A GlobalNetworkPolicy named p; {@code spec} starts on line 5, indented by two spaces. */
    private static String gnp(String spec) {
        return validate("""
                apiVersion: projectcalico.org/v3
                kind: GlobalNetworkPolicy
                metadata: {name: p}
                spec:
                """ + spec, CrdFlavour.OSS);
    }

    @Test
    void portZero_isRefused() {
        assertEquals("""
                p.yaml:8:27: error: spec.ingress[0].destination.ports[0]: port 0 is not in 1-65535
                p.yaml:8:30: error: spec.ingress[0].destination.ports[1]: port range '0:100' must be a:b with 1 <= a <= b <= 65535""",
                gnp("""
                  ingress:
                  - action: Allow
                    protocol: TCP
                    destination: {ports: [0, '0:100']}
                """));
    }

    @Test
    void namedPortsWithoutProtocol_areAccepted_numbersAreNot() {
        assertEquals("", gnp("""
                  ingress:
                  - action: Allow
                    destination: {ports: [http], notPorts: [metrics]}
                """));
        assertEquals("p.yaml:7:26: error: spec.ingress[0].destination: ports need protocol TCP, UDP or SCTP (the rule has"
                + " no protocol)", gnp("""
                  ingress:
                  - action: Allow
                    destination: {ports: [http, 80]}
                """));
    }

    @Test
    void ipv4AndIpv6InOneRule_areRefused() {
        assertEquals("p.yaml:8:25: error: spec.egress[0].destination.nets: the rule mixes IPv4 and IPv6 CIDRs (Calico"
                + " refuses it; write one rule per IP version)", gnp("""
                  egress:
                  - action: Allow
                    source: {nets: [10.0.0.0/8]}
                    destination: {nets: ['2001:db8::/32']}
                """));
    }

    @Test
    void ipVersionNotMatchingTheNets_isRefused() {
        assertEquals("p.yaml:8:20: error: spec.egress[0].source.nets: IPv4 CIDRs in a rule with ipVersion 6", gnp("""
                  egress:
                  - action: Allow
                    ipVersion: 6
                    source: {nets: [10.0.0.0/8]}
                """));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.0.0.0/0", "::/0", "0::0/0", "::1/0"})
    void catchAllInNotNets_isRefused(String net) {
        assertEquals("p.yaml:7:24: error: spec.ingress[0].source.notNets[0]: catch-all CIDR '" + net + "' in notNets"
                + " matches every address, so the rule matches nothing\n    hint: remove the rule, or the notNets entry",
                gnp("""
                  ingress:
                  - action: Allow
                    source: {notNets: ['%s']}
                """.formatted(net)));
    }

    @Test
    void ipv4CatchAllSpeltOtherwise_isLeftAsCalicoLeavesIt() {
        // validator.go compares the IPv4 text with "0.0.0.0/0" literally.
        assertEquals("", gnp("""
                  ingress:
                  - action: Allow
                    source: {notNets: [0.0.0.1/0]}
                """));
    }

    @Test
    void httpMatchInEgress_andServicesOnTheWrongSide_areRefused() {
        assertEquals("""
                p.yaml:7:11: error: spec.egress[0].http: an HTTP match is not allowed in an egress rule
                p.yaml:8:24: error: spec.egress[0].source.services: a Service match is not allowed in an egress rule's source
                    hint: match the Service in destination
                p.yaml:11:29: error: spec.ingress[0].destination.services: a Service match is not allowed in an ingress rule's destination
                    hint: match the Service in source""", gnp("""
                  egress:
                  - action: Allow
                    http: {methods: [GET]}
                    source: {services: {name: a, namespace: b}}
                  ingress:
                  - action: Allow
                    destination: {services: {name: a, namespace: b}}
                """));
    }

    @Test
    void serviceInAGlobalPolicy_needsANamespace() {
        assertEquals("p.yaml:7:29: error: spec.egress[0].destination.services: a global policy must name the Service's"
                + " namespace", gnp("""
                  egress:
                  - action: Allow
                    destination: {services: {name: a}}
                """));
    }

    @Test
    void httpPathsAndMethods_followCalico() {
        assertEquals("""
                p.yaml:8:22: error: spec.ingress[0].http.methods[1]: method 'GET' is listed twice
                p.yaml:9:15: error: spec.ingress[0].http.paths[0]: set either exact or prefix, not both
                p.yaml:10:9: error: spec.ingress[0].http.paths[1]: path 'a?b' must start with '/' and contain no '?', '#' or space""",
                gnp("""
                  ingress:
                  - action: Allow
                    http:
                      methods: [GET, GET]
                      paths: [{exact: /a, prefix: /b},
                        {exact: 'a?b'}]
                """));
    }

    @Test
    void ruleAnnotationKeys_areQualifiedNames() {
        assertEquals("p.yaml:7:37: error: spec.ingress[0].metadata.annotations: annotation key '...' is not valid: at most 63"
                + " characters of letters, digits, '-', '_' and '.', starting and ending with a letter or digit", gnp("""
                  ingress:
                  - action: Allow
                    metadata: {annotations: {'...': bar, Good/key: ok}}
                """));
    }

    @Test
    void stagedDelete_mayOnlyNameTheTier() {
        assertEquals("p.yaml:7:13: error: spec.selector: a staged policy with stagedAction Delete may set only tier\n"
                + "    hint: remove spec.selector", validate("""
                apiVersion: projectcalico.org/v3
                kind: StagedGlobalNetworkPolicy
                metadata: {name: p}
                spec:
                  stagedAction: Delete
                  tier: default
                  selector: all()
                """, CrdFlavour.OSS));
    }

    @Test
    void tierPrefix_isAnEnterpriseRuleOnly() {
        String np = """
                apiVersion: projectcalico.org/v3
                kind: NetworkPolicy
                metadata: {name: th.ing, namespace: default}
                spec: {}
                """;
        assertEquals("", validate(np, CrdFlavour.OSS));
        assertEquals("p.yaml:3:18: error: metadata.name: 'th.ing' names tier 'th' but spec.tier is default\n"
                + "    hint: set spec.tier, or drop the prefix", validate(np, CrdFlavour.ENTERPRISE));
    }

    @Test
    void felixConfiguration_fieldRulesOfTheGoValidator() {
        assertEquals("""
                p.yaml:5:27: error: spec.wireguardListeningPort: 99999 is not in 1-65535
                p.yaml:6:20: error: spec.mtuIfacePattern: '*' is not a regular expression
                p.yaml:7:24: error: spec.kubeNodePortRanges[0]: a node port range is a number or a range, not a name
                p.yaml:8:41: error: spec.failsafeInboundHostPorts[0].protocol: protocol must be TCP, UDP or SCTP (got 'jolly-UDP')""",
                validate("""
                apiVersion: projectcalico.org/v3
                kind: FelixConfiguration
                metadata: {name: default}
                spec:
                  wireguardListeningPort: 99999
                  mtuIfacePattern: '*'
                  kubeNodePortRanges: [foo]
                  failsafeInboundHostPorts: [{protocol: jolly-UDP, port: 22}]
                """, CrdFlavour.OSS));
    }
}
