package io.calicogitops.schema;

import io.calicogitops.diag.Diagnostic;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.calicogitops.schema.SchemaFixtures.assertSingleError;
import static io.calicogitops.schema.SchemaFixtures.yaml;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Any kind may be rendered: Calico and operator kinds against their CRDs, built-in kinds against Kubernetes' schema, the rest structurally. */
class SchemaAnyKindTest {

    private static final SchemaValidator ENTERPRISE = SchemaValidator.of(CrdFlavour.ENTERPRISE);

    private static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web, namespace: dev, labels: {app: web}}
            spec:
              replicas: 2
              selector: {matchLabels: {app: web}}
              template:
                metadata: {labels: {app: web}, creationTimestamp: null}
                spec:
                  containers:
                    - name: web
                      image: nginx:1.27
                      ports: [{containerPort: 80, name: http}]
                      resources: {limits: {cpu: 1, memory: 128Mi}, requests: {cpu: 100m}}
                      readinessProbe: {httpGet: {path: /, port: http}}
            """;

    private static List<Diagnostic> validate(String text) {
        return ENTERPRISE.validate(yaml(text), new SchemaFixtures.Recorder());
    }

    @Test
    void deployment_valid_passes() {
        assertEquals(List.of(), validate(DEPLOYMENT));
    }

    @Test
    void deployment_unknownField_isRefusedWhereItIs() {
        assertSingleError(ENTERPRISE, DEPLOYMENT.replace("image: nginx:1.27", "image: nginx:1.27\n          imagePullPolcy: Always"),
                "spec.template.spec.containers[0].imagePullPolcy: unknown field",
                "/spec/template/spec/containers/0/imagePullPolcy", "did you mean 'imagePullPolicy'?");
    }

    @Test
    void deployment_wrongType_isRefusedWhereItIs() {
        assertSingleError(ENTERPRISE, DEPLOYMENT.replace("replicas: 2", "replicas: two"),
                "spec.replicas: expected integer, got string", "/spec/replicas", null);
    }

    @Test
    void deployment_unservedVersion_pointsAtApiVersion() {
        assertSingleError(ENTERPRISE, DEPLOYMENT.replace("apps/v1", "apps/v1beta2"),
                "apiVersion 'apps/v1beta2' is not served for Deployment", "/apiVersion", "use apiVersion 'apps/v1'");
    }

    @Test
    void deployment_withoutNamespace_isRefused() {
        assertSingleError(ENTERPRISE, DEPLOYMENT.replace("namespace: dev, ", ""),
                "metadata: missing required field 'namespace' (Deployment is namespaced)", "/metadata", null);
    }

    @Test
    void policyRecommendationScope_isCheckedAgainstItsEnterpriseCrd() {
        String scope = """
                apiVersion: projectcalico.org/v3
                kind: PolicyRecommendationScope
                metadata: {name: default}
                spec:
                  interval: 2m
                  initialLookback: 24h
                  stabilizationPeriod: 10m
                  namespaceSpec: {recStatus: Enabled, selector: "!(projectcalico.org/name starts with 'tigera-')"}
                """;
        assertEquals(List.of(), validate(scope));
        assertSingleError(ENTERPRISE, scope.replace("interval: 2m", "intervall: 2m"),
                "spec.intervall: unknown field", "/spec/intervall", "did you mean 'interval'?");
    }

    @Test
    void egressGatewayPolicy_isCheckedAgainstItsEnterpriseCrd() {
        assertEquals(List.of(), validate("""
                apiVersion: projectcalico.org/v3
                kind: EgressGatewayPolicy
                metadata: {name: egw-policy}
                spec:
                  rules:
                    - destination: {cidr: 10.0.0.0/8}
                      description: "Local: no gateway"
                    - gateway: {namespaceSelector: "projectcalico.org/name == 'default'", selector: "egress-code == 'red'"}
                """));
    }

    @Test
    void unknownGroup_passesWithAWarningThatNoSchemaIsKnown() {
        List<Diagnostic> out = validate("""
                apiVersion: example.com/v1
                kind: Widget
                metadata: {name: gear, namespace: dev}
                spec: {anything: [1, 2]}
                """);
        assertEquals(1, out.size(), out.toString());
        assertTrue(!out.get(0).isError() && out.get(0).message().equals(
                "no schema known for kind 'Widget' (apiVersion 'example.com/v1'): only apiVersion, kind and metadata are checked"),
                out.toString());
    }

    @Test
    void unknownGroup_stillChecksTheMetadata() {
        List<Diagnostic> out = validate("""
                apiVersion: example.com/v1
                kind: Widget
                metadata: {name: Gear_1, namespace: dev}
                """);
        assertEquals(List.of("metadata.name: 'Gear_1' is not a valid name (DNS-1123 subdomain: lower-case letters,"
                + " digits, '-' and '.', starting and ending with a letter or digit, at most 253 characters)"),
                out.stream().filter(Diagnostic::isError).map(Diagnostic::message).toList());
    }
}
