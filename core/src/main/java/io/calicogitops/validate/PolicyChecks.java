package io.calicogitops.validate;

import com.fasterxml.jackson.databind.JsonNode;
import io.calicogitops.diag.Diagnostics;

import java.util.Set;

/**
 * Calico policy rules the CRD schema cannot express (the naming rule is {@link PolicyNames}): selectors, known
 * {@code types}, each rule, what a rule may hold in its direction, and staged Delete policies that set nothing else.
 */
final class PolicyChecks {

    private static final Set<String> TYPES = Set.of("Ingress", "Egress");

    private final JsonNode body;
    private final Locator where;
    private final Diagnostics d;

    PolicyChecks(JsonNode body, Locator where, Diagnostics d) {
        this.body = body;
        this.where = where;
        this.d = d;
    }

    void check() {
        JsonNode spec = body.path("spec");
        SelectorCheck.check(spec.get("selector"), "/spec/selector", "spec.selector", false, where, d);
        SelectorCheck.check(spec.get("namespaceSelector"), "/spec/namespaceSelector", "spec.namespaceSelector", false, where, d);
        SelectorCheck.check(spec.get("serviceAccountSelector"), "/spec/serviceAccountSelector", "spec.serviceAccountSelector",
                false, where, d);
        checkTypes(spec);
        RuleChecks rules = new RuleChecks(where, d);
        rules.checkAll(spec.path("ingress"), "ingress");
        rules.checkAll(spec.path("egress"), "egress");
        String kind = body.path("kind").asText();
        RuleDirections.check(spec, kind.endsWith("GlobalNetworkPolicy"), where, d);
        if (kind.startsWith("Staged") && "Delete".equals(spec.path("stagedAction").asText())) {
            stagedDelete(spec);
        }
    }

    /** validator.go validateStagedNetworkPolicy: "Spec fields, except Tier, should all be zero-value if stagedAction is Delete". */
    private void stagedDelete(JsonNode spec) {
        for (var e : spec.properties()) {
            if (!e.getKey().equals("tier") && !e.getKey().equals("stagedAction") && !isZero(e.getValue())) {
                d.error(where.at("/spec/" + e.getKey()), "spec." + e.getKey() + ": a staged policy with stagedAction"
                        + " Delete may set only tier", "remove spec." + e.getKey());
            }
        }
    }

    private static boolean isZero(JsonNode v) {
        return v.isNull() || v.isContainerNode() && v.isEmpty() || v.isTextual() && v.asText().isEmpty()
                || v.isNumber() && v.asDouble() == 0 || v.isBoolean() && !v.asBoolean();
    }

    private void checkTypes(JsonNode spec) {
        JsonNode types = spec.path("types");
        for (int i = 0; i < types.size(); i++) {
            String t = types.get(i).asText();
            if (!TYPES.contains(t)) {
                d.error(where.at("/spec/types/" + i), "spec.types[" + i + "]: unknown type '" + t + "' (expected Ingress or Egress)");
            }
        }
        // Repeated types ("'<type>' type specified more than once" in validator.go) are refused by the schema (a set).
        // Rules of a direction types leaves out are accepted by Calico (for upgrades from type-less policy) and never
        // apply: lint CG-L007 reports them.
    }
}
