package io.calicogitops.audit.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.calicogitops.diag.Diagnostics;
import io.calicogitops.diag.SourceLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class V1MappingTest {

    private static final ObjectMapper YAML = new YAMLMapper();
    private static final SourceLocation AT = SourceLocation.of("snap.yaml", 3, 1);

    @ParameterizedTest
    @CsvSource({
            // bits of every byte reversed, except byte 6 (version) and byte 8 (variant)
            "00000000-0000-4000-8000-000000000001, 00000000-0000-4000-8000-000000000080",
            "01234567-89ab-4def-8123-456789abcdef, 80c4a2e6-91d5-4df7-81c4-a2e691d5b3f7",
            "not-a-uuid, not-a-uuid"})
    void convertUid_reversesBitsKeepingVersionAndVariant(String in, String out) {
        assertEquals(out, V1Mapping.convertUid(in));
    }

    @Test
    void convertUid_isItsOwnInverse() {
        String uid = "3f2504e0-4f89-41d3-9a0c-0305e82c3301";
        assertEquals(uid, V1Mapping.convertUid(V1Mapping.convertUid(uid)));
    }

    @ParameterizedTest
    @CsvSource({
            "GlobalNetworkPolicy, default.allow, '', allow",
            "GlobalNetworkPolicy, default.allow, default, allow",
            "NetworkPolicy, default.allow, default, allow",
            "StagedNetworkPolicy, default.allow, '', allow",
            "StagedGlobalNetworkPolicy, default.allow, '', allow",
            "GlobalNetworkPolicy, default.allow, security, default.allow",
            "GlobalNetworkPolicy, security.allow, security, security.allow",
            "StagedKubernetesNetworkPolicy, default.allow, '', default.allow",
            "Tier, default.x, '', default.x",
            "GlobalNetworkSet, default.x, '', default.x"})
    void v3Name_stripsDefaultPrefixOfDefaultTierPoliciesOnly(String kind, String name, String tier, String expected) {
        assertEquals(expected, V1Mapping.v3Name(kind, name, tier));
    }

    @Test
    void toV3_withAnnotation_mergesCrLabelsUnderStoredOnesAndDropsV1Fields() throws Exception {
        JsonNode v1 = YAML.readTree("""
                apiVersion: crd.projectcalico.org/v1
                kind: NetworkPolicy
                metadata:
                  name: default.web
                  namespace: shop
                  uid: 00000000-0000-4000-8000-000000000001
                  resourceVersion: "77"
                  generation: 4
                  creationTimestamp: "2020-01-01T00:00:00Z"
                  managedFields: [{manager: calico-apiserver, apiVersion: crd.projectcalico.org/v1}]
                  labels: {projectcalico.org/tier: default, old: kept}
                  annotations:
                    projectcalico.org/metadata: '{"name":"web","generation":2,"labels":{"app":"web","old":"overridden"},"annotations":{"note":"x"}}'
                    operator.tigera.io/owned: "true"
                spec: {selector: all()}
                """);

        ObjectNode v3 = V1Mapping.toV3(v1, AT, new Diagnostics()).orElseThrow();

        JsonNode meta = v3.path("metadata");
        assertEquals("projectcalico.org/v3", v3.path("apiVersion").asText());
        assertEquals("web", meta.path("name").asText());
        assertEquals("shop", meta.path("namespace").asText());
        assertEquals("77", meta.path("resourceVersion").asText());
        assertEquals(2, meta.path("generation").asInt(), "the v3 generation, not the CR's");
        assertFalse(meta.has("managedFields"), "the CR's managedFields belong to the v1 object");
        assertEquals("2020-01-01T00:00:00Z", meta.path("creationTimestamp").asText(), "falls back to the CR's");
        assertEquals("00000000-0000-4000-8000-000000000080", meta.path("uid").asText());
        assertEquals(YAML.readTree("{projectcalico.org/tier: default, old: overridden, app: web}"), meta.path("labels"));
        assertEquals(YAML.readTree("{operator.tigera.io/owned: 'true', note: x}"), meta.path("annotations"));
        assertEquals("crd.projectcalico.org/v1", v1.path("apiVersion").asText(), "the input is not changed");
    }

    @Test
    void toV3_annotationNotJson_reportsAtLocation() throws Exception {
        JsonNode v1 = YAML.readTree("""
                apiVersion: crd.projectcalico.org/v1
                kind: Tier
                metadata: {name: security, annotations: {projectcalico.org/metadata: '{broken'}}
                """);
        Diagnostics diagnostics = new Diagnostics();

        assertTrue(V1Mapping.toV3(v1, AT, diagnostics).isEmpty());

        assertEquals("snap.yaml:3:1: error: annotation projectcalico.org/metadata of Tier security is not a JSON object\n"
                + "    hint: the Calico API server would fail to read this object too; check how it was written", diagnostics.format());
    }

    @Test
    void toV3_withoutAnnotation_keepsEverythingButNameAndUid() throws Exception {
        JsonNode v1 = YAML.readTree("""
                apiVersion: crd.projectcalico.org/v1
                kind: GlobalNetworkPolicy
                metadata: {name: default.legacy, labels: {a: b}, annotations: {c: d}}
                spec: {tier: default, selector: all()}
                """);

        ObjectNode v3 = V1Mapping.toV3(v1, AT, new Diagnostics()).orElseThrow();

        assertEquals(YAML.readTree("""
                apiVersion: projectcalico.org/v3
                kind: GlobalNetworkPolicy
                metadata: {name: legacy, labels: {a: b}, annotations: {c: d}}
                spec: {tier: default, selector: all()}
                """), v3);
    }
}
