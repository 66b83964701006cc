package io.calicogitops.schema;

import io.calicogitops.diag.Diagnostic;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.calicogitops.schema.SchemaFixtures.assertSingleError;
import static io.calicogitops.schema.SchemaFixtures.messages;
import static io.calicogitops.schema.SchemaFixtures.yaml;
import static org.junit.jupiter.api.Assertions.assertEquals;

class SchemaValidatorTest {

    private static final SchemaValidator ENTERPRISE = SchemaValidator.of(CrdFlavour.ENTERPRISE);

    private static final String GNP = """
            apiVersion: projectcalico.org/v3
            kind: GlobalNetworkPolicy
            metadata:
              name: security.web
            spec:
              tier: security
            """;

    @Test
    void validate_unknownActionValue_listsAllowedValues() {
        assertSingleError(ENTERPRISE, GNP + """
                  ingress:
                  - action: Accept
                """,
                "spec.ingress[0].action: must be one of Allow, Deny, Log, Pass (got 'Accept')",
                "/spec/ingress/0/action");
    }

    @Test
    void validate_actionInWrongCase_hintsTheSpelling() {
        assertSingleError(ENTERPRISE, GNP + """
                  egress:
                  - action: allow
                """,
                "spec.egress[0].action: must be one of Allow, Deny, Log, Pass (got 'allow')",
                "/spec/egress/0/action", "did you mean 'Allow'?");
    }

    @Test
    void validate_orderAsString_reportsTypes() {
        assertSingleError(ENTERPRISE, GNP + "  order: '100'\n",
                "spec.order: expected number, got string", "/spec/order");
    }

    @Test
    void validate_misspeltField_isUnknownWithSuggestion() {
        assertSingleError(ENTERPRISE, GNP + "  selektor: all()\n",
                "spec.selektor: unknown field", "/spec/selektor", "did you mean 'selector'?");
    }

    @Test
    void validate_ruleWithoutAction_pointsAtTheRule() {
        assertSingleError(ENTERPRISE, GNP + """
                  egress:
                  - protocol: TCP
                """,
                "spec.egress[0]: missing required field 'action'", "/spec/egress/0");
    }

    @Test
    void validate_objectInPorts_expectsIntegerOrString() {
        assertSingleError(ENTERPRISE, GNP + """
                  ingress:
                  - action: Allow
                    destination:
                      ports: [80, '443', '8080:8090', {port: 53}]
                """,
                "spec.ingress[0].destination.ports[3]: expected integer or string, got object",
                "/spec/ingress/0/destination/ports/3");
    }

    @Test
    void validate_duplicateTypes_isRejectedLikeAListTypeSet() {
        assertSingleError(ENTERPRISE, GNP + "  types: [Ingress, Ingress]\n",
                "spec.types: must not contain duplicates ('Ingress' appears more than once)", "/spec/types");
    }

    @Test
    void validate_tierDefaultAction_usesTheIntersectionOfBothEnums() {
        assertSingleError(ENTERPRISE, """
                apiVersion: projectcalico.org/v3
                kind: Tier
                metadata: {name: security}
                spec: {order: 500, defaultAction: Allow}
                """,
                "spec.defaultAction: must be one of Deny, Pass (got 'Allow')", "/spec/defaultAction");
    }

    @Test
    void validate_felixDuration_describesThePatternInWords() {
        assertSingleError(ENTERPRISE, """
                apiVersion: projectcalico.org/v3
                kind: FelixConfiguration
                metadata: {name: default}
                spec: {flowLogsFlushInterval: 15 seconds}
                """,
                "spec.flowLogsFlushInterval: must be a duration such as 15s, 5m or 1h30m (got '15 seconds')",
                "/spec/flowLogsFlushInterval");
    }

    @Test
    void validate_nullRuleSides_arePrunedLikeTheApiServer() {
        // Workshop file 17 writes "source:" and "destination:" with no value on its Pass rules.
        assertEquals(List.of(), messages(ENTERPRISE, GNP + """
                  ingress:
                  - action: Pass
                    source:
                    destination:
                """));
    }

    @Test
    void validate_misspeltFieldWithNoValue_isStillReported() {
        assertSingleError(ENTERPRISE, GNP + "  selektor:\n",
                "spec.selektor: unknown field", "/spec/selektor", "did you mean 'selector'?");
    }

    @Test
    void validate_intOrStringProtocol_acceptsNumberAndName() {
        assertEquals(List.of(), messages(ENTERPRISE, GNP + """
                  ingress:
                  - {action: Allow, protocol: 6}
                  - {action: Allow, protocol: UDP, notProtocol: 17}
                """));
    }

    @Test
    void validate_operatorInstallation_isCheckedAgainstItsCrd() {
        assertSingleError(ENTERPRISE, """
                apiVersion: operator.tigera.io/v1
                kind: Installation
                metadata: {name: default}
                spec: {nodeMetricsPort: '9091', variant: TigeraSecureEnterprise}
                """,
                "spec.nodeMetricsPort: expected integer, got string", "/spec/nodeMetricsPort");
    }

    @Test
    void validate_severalProblems_reportsEveryOneSortedAndDoesNotModifyTheDocument() {
        var document = yaml(GNP + """
                  order: '1'
                  selektor: x
                  ingress:
                  - action: Accept
                """);
        var before = document.deepCopy();
        List<Diagnostic> errors = ENTERPRISE.validate(document, new SchemaFixtures.Recorder());
        assertEquals(List.of(
                "spec.ingress[0].action: must be one of Allow, Deny, Log, Pass (got 'Accept')",
                "spec.order: expected number, got string",
                "spec.selektor: unknown field"), errors.stream().map(Diagnostic::message).toList());
        assertEquals(before, document);
    }

    @Test
    void validate_notAnObject_saysWhatWasExpected() {
        assertSingleError(ENTERPRISE, "- a\n- b\n",
                "expected a Kubernetes object with apiVersion, kind and metadata, got array", "");
    }

    @Test
    void validate_validPolicy_returnsNoDiagnostics() {
        assertEquals(List.of(), messages(ENTERPRISE, GNP + """
                  order: 100
                  selector: app == "web"
                  types: [Ingress]
                  ingress:
                  - action: Allow
                    protocol: TCP
                    destination: {ports: [443]}
                  - action: Pass
                """));
    }
}
