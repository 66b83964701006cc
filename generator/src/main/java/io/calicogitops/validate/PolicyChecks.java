package io.calicogitops.validate;

import com.fasterxml.jackson.databind.JsonNode;
import io.calicogitops.diag.Diagnostics;

import java.util.Set;

/**
 * Calico policy rules the CRD schema cannot express: the {@code <tier>.<name>} naming rule (required by Calico
 * Cloud/Enterprise, calico-semantics §2), selectors, {@code types} consistent with the rules present, and each rule.
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
        String name = body.path("metadata").path("name").asText();
        String tier = spec.path("tier").isTextual() && !spec.path("tier").asText().isEmpty() ? spec.path("tier").asText() : "default";
        if (!tier.equals("default") && !name.startsWith(tier + ".")) {
            d.error(where.at("/metadata/name"), "metadata.name: a policy in tier '" + tier + "' must be named '" + tier
                    + ".<name>' (got '" + name + "')", "rename it to '" + tier + "." + name.substring(name.indexOf('.') + 1) + "'");
        } else if (tier.equals("default") && name.contains(".") && !name.startsWith("default.")) {
            d.error(where.at("/metadata/name"), "metadata.name: '" + name + "' names tier '" + name.substring(0, name.indexOf('.'))
                    + "' but spec.tier is default", "set spec.tier, or drop the prefix");
        }
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
