package io.calicogitops.validate;

import com.fasterxml.jackson.databind.JsonNode;
import io.calicogitops.diag.Diagnostics;

import java.util.Set;

/**
 * Calico policy rules the CRD schema cannot express (the naming rule is {@link PolicyNames}): selectors, {@code types} consistent with the rules present, and each rule.
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
    }

    private void checkTypes(JsonNode spec) {
        JsonNode types = spec.path("types");
        boolean ingressType = false;
        boolean egressType = false;
        for (int i = 0; i < types.size(); i++) {
            String t = types.get(i).asText();
            if (!TYPES.contains(t)) {
                d.error(where.at("/spec/types/" + i), "spec.types[" + i + "]: unknown type '" + t + "' (expected Ingress or Egress)");
            }
            ingressType |= t.equals("Ingress");
            egressType |= t.equals("Egress");
        }
        if (types.size() == 0) {
            return;
        }
        // Calico rejects rules for a direction the policy does not govern: they would silently never apply.
        if (spec.path("ingress").size() > 0 && !ingressType) {
            d.error(where.at("/spec/types"), "spec.types: ingress rules are present but types does not list Ingress");
        }
        if (spec.path("egress").size() > 0 && !egressType) {
            d.error(where.at("/spec/types"), "spec.types: egress rules are present but types does not list Egress");
        }
    }
}
