package io.calicogitops.schema;

import org.junit.jupiter.api.Test;

import java.util.List;

import static io.calicogitops.schema.SchemaFixtures.assertSingleError;
import static io.calicogitops.schema.SchemaFixtures.messages;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** apiVersion, kind and metadata: the parts CRD schemas do not describe. */
class SchemaMetadataTest {

    private static final SchemaValidator ENTERPRISE = SchemaValidator.of(CrdFlavour.ENTERPRISE);

    @Test
    void validate_missingName_pointsAtMetadata() {
        assertSingleError(ENTERPRISE, """
                apiVersion: projectcalico.org/v3
                kind: GlobalNetworkSet
                metadata: {labels: {type: blocked}}
                spec: {nets: [10.0.0.0/8]}
                """,
                "metadata: missing required field 'name'", "/metadata");
    }

    @Test
    void validate_namespaceOnClusterScopedKind_pointsAtTheNamespace() {
        assertSingleError(ENTERPRISE, """
                apiVersion: projectcalico.org/v3
                kind: GlobalNetworkPolicy
                metadata: {name: security.web, namespace: dev}
                spec: {tier: security}
                """,
                "metadata.namespace: GlobalNetworkPolicy is cluster-scoped and takes no namespace",
                "/metadata/namespace", "remove metadata.namespace");
    }

    @Test
    void validate_namespacedKindWithoutNamespace_saysSo() {
        assertSingleError(ENTERPRISE, """
                apiVersion: projectcalico.org/v3
                kind: NetworkPolicy
                metadata: {name: platform.web}
                spec: {tier: platform}
                """,
                "metadata: missing required field 'namespace' (NetworkPolicy is namespaced)", "/metadata");
    }

    @Test
    void validate_policyNameWithTwoDots_isRejected() {
        assertSingleError(ENTERPRISE, """
                apiVersion: projectcalico.org/v3
                kind: GlobalNetworkPolicy
                metadata: {name: security.allow.dns}
                """,
                "metadata.name: 'security.allow.dns' has more than one dot (a Calico policy name is"
                        + " '<tier>.<name>' or '<name>')", "/metadata/name");
    }

    @Test
    void validate_alertNameWithTwoDots_isAValidSubdomain() {
        assertEquals(List.of(), messages(ENTERPRISE, """
                apiVersion: projectcalico.org/v3
                kind: GlobalAlert
                metadata: {name: dns.unsanctioned.access}
                spec: {description: d, summary: s, severity: 100, dataSet: dns}
                """));
    }

    @Test
    void validate_upperCaseName_isNotADns1123Subdomain() {
        assertSingleError(ENTERPRISE, """
                apiVersion: v1
                kind: ServiceAccount
                metadata: {name: Web_Sa, namespace: dev}
                """,
                "metadata.name: 'Web_Sa' is not a valid name (DNS-1123 subdomain: lower-case letters, digits, '-'"
                        + " and '.', starting and ending with a letter or digit, at most 253 characters)",
                "/metadata/name");
    }

    @Test
    void validate_namespaceNameWithDot_isNotADnsLabel() {
        assertSingleError(new SchemaValidator(), """
                apiVersion: v1
                kind: Namespace
                metadata: {name: team.dev}
                """,
                "metadata.name: 'team.dev' is not a valid Namespace name (DNS-1123 label: lower-case letters, digits"
                        + " and '-', starting and ending with a letter or digit, at most 63 characters)",
                "/metadata/name");
    }

    @Test
    void validate_unquotedBooleanLabel_asksForQuotes() {
        assertSingleError(ENTERPRISE, """
                apiVersion: projectcalico.org/v3
                kind: GlobalNetworkSet
                metadata: {name: pci, labels: {projectcalico.org/pci: true}}
                """,
                "metadata.labels[\"projectcalico.org/pci\"]: expected string, got boolean",
                "/metadata/labels/projectcalico.org~1pci", "quote the value: 'true'");
    }

    @Test
    void validate_unknownKindInAKnownGroup_isAnError() {
        assertSingleError(ENTERPRISE, """
                apiVersion: apps/v1
                kind: Deploymnet
                metadata: {name: foo, namespace: dev}
                """,
                "unknown kind 'Deploymnet' (apiVersion 'apps/v1')", "/kind", "did you mean kind 'Deployment' (apps/v1)?");
    }

    @Test
    void validate_misspeltKind_hintsCloseKnownKinds() {
        assertSingleError(ENTERPRISE, """
                apiVersion: projectcalico.org/v3
                kind: GlobalNetworkPolicies
                metadata: {name: web}
                """,
                "unknown kind 'GlobalNetworkPolicies' (apiVersion 'projectcalico.org/v3')", "/kind",
                "did you mean kind 'GlobalNetworkPolicy' (projectcalico.org/v3)?");
    }

    @Test
    void validate_kindInTheWrongGroup_hintsTheApiVersions() {
        assertSingleError(ENTERPRISE, """
                apiVersion: v1
                kind: NetworkPolicy
                metadata: {name: web, namespace: dev}
                """,
                "unknown kind 'NetworkPolicy' (apiVersion 'v1')", "/kind",
                "did you mean apiVersion 'projectcalico.org/v3' or 'networking.k8s.io/v1'?");
    }

    @Test
    void validate_unservedCalicoVersion_pointsAtApiVersion() {
        assertSingleError(ENTERPRISE, """
                apiVersion: projectcalico.org/v1
                kind: Tier
                metadata: {name: security}
                """,
                "apiVersion 'projectcalico.org/v1' is not served for Tier", "/apiVersion",
                "use apiVersion 'projectcalico.org/v3'");
    }

    @Test
    void validate_missingHeader_reportsBothFields() {
        assertSingleError(ENTERPRISE, "metadata: {name: x}\n",
                "missing required fields 'apiVersion' and 'kind'", "");
    }

    @Test
    void validate_builtInKinds_areCheckedAgainstTheKubernetesSchema() {
        // The Kubernetes schema ships for built-in kinds, so a made-up field is refused as kubectl --validate=strict does.
        assertEquals(List.of("spec.notAField: unknown field"), messages(ENTERPRISE, """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: deny-all, namespace: dev}
                spec: {podSelector: {}, notAField: 1}
                """));
        assertEquals(List.of(), messages(ENTERPRISE, """
                apiVersion: rbac.authorization.k8s.io/v1
                kind: ClusterRole
                metadata: {name: calico-gitops-reader}
                rules: []
                """));
    }

    @Test
    void validate_v1StorageGroup_isValidatedAgainstTheSameCrd() {
        // wireguard-stats.yaml writes crd.projectcalico.org/v1 objects directly.
        assertSingleError(ENTERPRISE, """
                apiVersion: crd.projectcalico.org/v1
                kind: NetworkPolicy
                metadata: {name: allow-tigera.wireguard, namespace: calico-system}
                spec: {tier: allow-tigera, ingress: [{action: Allow, destination: {ports: [9091]}}], order: x}
                """,
                "spec.order: expected number, got string", "/spec/order");
    }
}
