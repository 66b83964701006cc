package io.calicogitops.audit.normalise;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.calicogitops.model.Resource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.HashSet;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The normaliser's contract and the edge cases of its steps that fixture pairs do not show well. */
class NormaliserTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private final Normaliser normaliser = Normaliser.standard();

    @Test
    void steps_runInTheDocumentedOrder() {
        assertEquals(List.of("v1-view", "strip-server-metadata", "strip-status", "strip-tier-label", "canonical-name",
                        "secret-string-data", "drop-empty-values", "calico-defaults", "numbers", "ports", "protocols", "selectors", "cidrs",
                        "set-lists"),
                normaliser.steps().stream().map(NormaliseStep::name).toList());
    }

    @Test
    void everyStep_hasAUniqueNameAndSaysWhy() {
        assertEquals(normaliser.steps().size(),
                new HashSet<>(normaliser.steps().stream().map(NormaliseStep::name).toList()).size());
        normaliser.steps().forEach(step -> assertTrue(step.why().length() > 40, step.name() + ": why is too short"));
    }

    @Test
    void normalise_leavesTheInputResourceUnchanged() {
        Resource live = policy("""
                metadata:
                  name: default.web
                  uid: 1
                  labels: {projectcalico.org/tier: default}
                spec:
                  egress:
                  - action: Allow
                    destination: {ports: ['53']}
                """);
        String before = live.body().toString();
        normaliser.normalise(live, Side.LIVE);
        assertEquals(before, live.body().toString());
    }

    @Test
    void normalisePair_withOneSideMissing_normalisesTheOtherAndLeavesNull() {
        Resource desired = policy("metadata: {name: web}\nspec: {selector: ''}");
        Normaliser.Pair onlyDesired = normaliser.normalisePair(desired, null);
        assertEquals("all()", onlyDesired.desired().path("spec").path("selector").asText());
        assertNull(onlyDesired.live());
        Normaliser.Pair onlyLive = normaliser.normalisePair(null, desired);
        assertNull(onlyLive.desired());
        assertEquals("default", onlyLive.live().path("spec").path("tier").asText());
        assertEquals(new Normaliser.Pair(null, null), normaliser.normalisePair(null, null));
    }

    @Test
    void swappingTwoRules_stillDiffersAfterNormalisation() {
        Resource desired = policy("""
                metadata: {name: web}
                spec:
                  ingress:
                  - {action: Deny, source: {selector: 'quarantine == "true"'}}
                  - {action: Allow}
                """);
        Resource live = policy("""
                metadata: {name: web}
                spec:
                  ingress:
                  - {action: Allow}
                  - {action: Deny, source: {selector: 'quarantine == "true"'}}
                """);
        Normaliser.Pair pair = normaliser.normalisePair(desired, live);
        assertNotEquals(pair.desired(), pair.live());
        assertEquals("Deny", pair.desired().at("/spec/ingress/0/action").asText());
        assertEquals("Allow", pair.live().at("/spec/ingress/0/action").asText());
    }

    @Test
    void emptyRule_isKeptAsAnEmptyObjectSoLaterRulesKeepTheirIndex() {
        JsonNode body = normaliser.normalise(policy("""
                metadata: {name: web}
                spec:
                  egress:
                  - {source: {}, destination: {}}
                  - {action: Deny}
                """), Side.DESIRED);
        assertEquals(NODES.objectNode(), body.at("/spec/egress/0"));
        assertEquals("Deny", body.at("/spec/egress/1/action").asText());
    }

    @Test
    void emptyPolicySelector_isAll_butEmptyRuleSelector_isAbsent() {
        JsonNode body = normaliser.normalise(policy("""
                metadata: {name: web}
                spec:
                  selector: '  '
                  ingress:
                  - action: Allow
                    source: {selector: '', notSelector: ''}
                    destination: {selector: all()}
                """), Side.DESIRED);
        assertEquals("all()", body.at("/spec/selector").asText());
        assertTrue(body.at("/spec/ingress/0/source").isMissingNode());
        assertEquals("all()", body.at("/spec/ingress/0/destination/selector").asText());
    }

    @Test
    void unparseableSelector_isKeptVerbatim() {
        JsonNode body = normaliser.normalise(policy("""
                metadata: {name: web}
                spec: {selector: 'app = "web"'}
                """), Side.DESIRED);
        assertEquals("app = \"web\"", body.at("/spec/selector").asText());
    }

    @Test
    void defaultPrefix_isKeptForPoliciesInOtherTiers() {
        JsonNode body = normaliser.normalise(policy("metadata: {name: default.web}\nspec: {tier: security}"), Side.LIVE);
        assertEquals("default.web", body.at("/metadata/name").asText());
    }

    @Test
    void tierLabel_isKeptOnKindsThatAreNotPolicies() {
        Resource set = NormaliseFixtures.parse("""
                apiVersion: projectcalico.org/v3
                kind: GlobalNetworkSet
                metadata: {name: tiers, labels: {projectcalico.org/tier: security}}
                """, "set.yaml");
        assertEquals("security", normaliser.normalise(set, Side.LIVE).at("/metadata/labels/projectcalico.org~1tier").asText());
    }

    @Test
    void productStampAnnotations_areStripped_butOtherAnnotationsAreKept() {
        JsonNode body = normaliser.normalise(policy("""
                metadata:
                  name: web
                  annotations: {calico-gitops.io/applied-commit: abc, calico-gitops.io/applied-at: now, owner: team}
                """), Side.LIVE);
        assertEquals(NODES.objectNode().put("owner", "team"), body.at("/metadata/annotations"));
    }

    @Test
    void felixConfigurationDefault_getsNoDefaults_becauseItIsPartial() {
        Resource felix = NormaliseFixtures.parse("""
                apiVersion: projectcalico.org/v3
                kind: FelixConfiguration
                metadata: {name: default}
                spec: {wireguardEnabled: true}
                """, "felix.yaml");
        assertFalse(normaliser.normalise(felix, Side.DESIRED).path("spec").has("nftablesMode"));
    }

    @Test
    void v1Object_withoutMetadataAnnotation_changesOnlyApiVersionAndName() {
        JsonNode body = normaliser.normalise(NormaliseFixtures.parse("""
                apiVersion: crd.projectcalico.org/v1
                kind: GlobalNetworkPolicy
                metadata: {name: default.web, labels: {team: a}}
                spec: {tier: default, selector: all(), types: [Ingress]}
                """, "v1.yaml"), Side.LIVE);
        assertEquals("projectcalico.org/v3", body.path("apiVersion").asText());
        assertEquals("web", body.at("/metadata/name").asText());
        assertEquals("a", body.at("/metadata/labels/team").asText());
    }

    @ParameterizedTest(name = "port {0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            '53'        | 53
            ' 53 '      | 53
            '0080'      | 80
            '53:53'     | 53
            '80:90'     | "80:90"
            '080:0090'  | "80:90"
            'http'      | "http"
            '99999999'  | "99999999"
            """)
    void ports_readBackAsNumorstringPort(String written, String canonicalJson) throws Exception {
        JsonNode expected = new com.fasterxml.jackson.databind.ObjectMapper().readTree(canonicalJson);
        assertEquals(expected, CanonicalPorts.canonical(NODES.textNode(written)));
    }

    @ParameterizedTest(name = "protocol {0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            '6'     | "TCP"
            '17'    | "UDP"
            '1'     | "ICMP"
            '58'    | "ICMPv6"
            '132'   | "SCTP"
            '136'   | "UDPLite"
            '47'    | 47
            'TCP'   | "TCP"
            'tcp'   | "tcp"
            """)
    void protocols_areWrittenByNameWhenCalicoHasOne(String written, String canonicalJson) throws Exception {
        JsonNode expected = new com.fasterxml.jackson.databind.ObjectMapper().readTree(canonicalJson);
        assertEquals(expected, CanonicalProtocols.canonical(NODES.textNode(written)));
        if (written.matches("\\d+")) {
            assertEquals(expected, CanonicalProtocols.canonical(NODES.numberNode(Integer.parseInt(written))));
        }
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            10.0.0.1               | 10.0.0.1/32
            10.0.0.5/24            | 10.0.0.0/24
            0.0.0.0/0              | 0.0.0.0/0
            192.168.1.255/31       | 192.168.1.254/31
            2001:DB8::1            | 2001:db8::1/128
            2001:db8:0:0:1:0:0:1   | 2001:db8::1:0:0:1/128
            2001:0:0:1:0:0:0:1/128 | 2001:0:0:1::1/128
            fe80::1:2/64           | fe80::/64
            ::/0                   | ::/0
            ::1                    | ::1/128
            1:2:3:4:5:6:7:8        | 1:2:3:4:5:6:7:8/128
            1:0:2:3:4:5:6:7        | 1:0:2:3:4:5:6:7/128
            10.0.0.0/33            | 10.0.0.0/33
            $MY_IP/32              | $MY_IP/32
            """)
    void cidrs_areTheMaskedNetworkFelixUses(String written, String canonical) {
        assertEquals(canonical, CanonicalCidrs.canonical(written));
    }

    @Test
    void numbers_meetInOneNodeType() {
        assertEquals(NODES.numberNode(100), CanonicalNumbers.of(NODES.numberNode(100.0)));
        assertEquals(NODES.numberNode(100), CanonicalNumbers.of(NODES.numberNode(100L)));
        assertEquals(NODES.numberNode(5_000_000_000L), CanonicalNumbers.of(NODES.numberNode(5e9)));
        assertEquals(NODES.numberNode(100.5), CanonicalNumbers.of(NODES.numberNode(new java.math.BigDecimal("100.50"))));
        assertEquals(NODES.numberNode(0), CanonicalNumbers.of(NODES.numberNode(-0.0)));
    }

    @Test
    void customPipeline_runsOnlyItsSteps() {
        Normaliser onlyStatus = Normaliser.of(List.of(new StripStatus()));
        JsonNode body = onlyStatus.normalise(policy("metadata: {name: web, uid: x}\nstatus: {a: 1}"), Side.LIVE);
        assertFalse(body.has("status"));
        assertEquals("x", body.at("/metadata/uid").asText());
    }

    private static Resource policy(String yaml) {
        return NormaliseFixtures.parse("apiVersion: projectcalico.org/v3\nkind: GlobalNetworkPolicy\n" + yaml, "test.yaml");
    }
}
