package io.calicogitops.audit.normalise;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/** Finds the rule objects of a Calico policy body: the {@code ingress}/{@code egress} rules and their entity rules. */
final class PolicyRules {

    private PolicyRules() {
    }

    /** Every rule object of {@code spec.ingress} then {@code spec.egress}, in order. */
    static List<ObjectNode> rules(ObjectNode body) {
        List<ObjectNode> out = new ArrayList<>();
        for (String direction : List.of("ingress", "egress")) {
            for (JsonNode rule : body.path("spec").path(direction)) {
                if (rule instanceof ObjectNode o) {
                    out.add(o);
                }
            }
        }
        return out;
    }

    /** Every {@code source} and {@code destination} object of every rule. */
    static List<ObjectNode> entityRules(ObjectNode body) {
        List<ObjectNode> out = new ArrayList<>();
        for (ObjectNode rule : rules(body)) {
            for (String end : List.of("source", "destination")) {
                if (rule.get(end) instanceof ObjectNode o) {
                    out.add(o);
                }
            }
        }
        return out;
    }

    /** {@code body.spec}, created when absent so that defaults can be written into it. */
    static ObjectNode spec(ObjectNode body) {
        return body.get("spec") instanceof ObjectNode spec ? spec : body.putObject("spec");
    }

    /** True when {@code node} is a non-empty array: Calico tests {@code len(rules) > 0}. */
    static boolean hasItems(JsonNode node) {
        return node != null && node.isArray() && !node.isEmpty();
    }
}
