package io.calicogitops.validate;

import com.fasterxml.jackson.databind.JsonNode;
import io.calicogitops.diag.Diagnostics;

/**
 * What one side of a rule may hold depending on the rule's direction (validator.go validateNetworkPolicySpec and
 * validateGlobalNetworkPolicySpec): a Service match only as an egress destination or an ingress source, with a
 * namespace in a global policy; no HTTP match in egress rules (application-layer policy applies to inbound traffic).
 */
final class RuleDirections {

    private RuleDirections() {
    }

    static void check(JsonNode spec, boolean global, Locator where, Diagnostics d) {
        JsonNode egress = spec.path("egress");
        for (int i = 0; i < egress.size(); i++) {
            JsonNode r = egress.get(i);
            String ptr = "/spec/egress/" + i;
            String path = "spec.egress[" + i + "]";
            // validator.go validateNetworkPolicySpec: Services "not allowed in egress rule source".
            if (r.path("source").has("services")) {
                d.error(where.at(ptr + "/source/services"), path + ".source.services: a Service match is not allowed in"
                        + " an egress rule's source", "match the Service in destination");
            }
            // validator.go validateNetworkPolicySpec (ruleUsesAppLayerPolicy): HTTP "not allowed in egress rule".
            if (r.has("http") && !r.get("http").isNull()) {
                d.error(where.at(ptr + "/http"), path + ".http: an HTTP match is not allowed in an egress rule");
            }
            serviceNamespace(r.path("destination"), global, ptr + "/destination", path + ".destination", where, d);
        }
        JsonNode ingress = spec.path("ingress");
        for (int i = 0; i < ingress.size(); i++) {
            JsonNode r = ingress.get(i);
            String ptr = "/spec/ingress/" + i;
            String path = "spec.ingress[" + i + "]";
            // validator.go validateNetworkPolicySpec: Services "not allowed in ingress rule destination".
            if (r.path("destination").has("services")) {
                d.error(where.at(ptr + "/destination/services"), path + ".destination.services: a Service match is not"
                        + " allowed in an ingress rule's destination", "match the Service in source");
            }
            serviceNamespace(r.path("source"), global, ptr + "/source", path + ".source", where, d);
        }
    }

    /** validator.go validateGlobalNetworkPolicySpec: a Service named in a global policy "must specify a namespace". */
    private static void serviceNamespace(JsonNode side, boolean global, String ptr, String path, Locator where,
                                         Diagnostics d) {
        JsonNode services = side.path("services");
        if (global && services.isObject() && services.path("namespace").asText("").isEmpty()) {
            d.error(where.at(ptr + "/services"), path + ".services: a global policy must name the Service's namespace");
        }
    }
}
