package io.calicogitops.audit;

import com.fasterxml.jackson.databind.JsonNode;
import io.calicogitops.model.Kinds;
import io.calicogitops.model.Resource;
import io.calicogitops.selector.Selector;
import io.calicogitops.selector.SelectorParseException;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Severity of a whole resource being missing from, or extra in, the cluster, judged by what it does: a missing policy
 * or tier, or a missing network set that a Deny rule in Git selects, can let through what Git denies; so can an extra
 * policy with an Allow or Pass rule, or an extra network set that an Allow rule in Git selects.
 */
final class MissingAndExtra {

    private final List<Resource> desiredPolicies;

    MissingAndExtra(DesiredState desired) {
        this.desiredPolicies = desired.resources().values().stream()
                .filter(r -> Kinds.isCalicoPolicy(r.id().group(), r.id().kind())).toList();
    }

    DriftSeverity missing(Resource r) {
        String kind = r.id().kind();
        if (Kinds.isCalicoPolicy(r.id().group(), kind) || kind.equals("Tier")) {
            return DriftSeverity.CRITICAL;
        }
        if (kind.endsWith("NetworkSet")) {
            return selectedByRule(r, "Deny") ? DriftSeverity.CRITICAL : DriftSeverity.WARNING;
        }
        if (kind.equals("FelixConfiguration") && r.spec().path("wireguardEnabled").asBoolean(false)) {
            return DriftSeverity.CRITICAL;
        }
        return DriftSeverity.WARNING;
    }

    DriftSeverity unmanaged(Resource r) {
        String kind = r.id().kind();
        if (Kinds.isCalicoPolicy(r.id().group(), kind)) {
            for (String dir : List.of("ingress", "egress")) {
                for (JsonNode rule : r.spec().path(dir)) {
                    String action = rule.path("action").asText();
                    if (action.equals("Allow") || action.equals("Pass")) {
                        return DriftSeverity.CRITICAL;
                    }
                }
            }
            return DriftSeverity.WARNING;
        }
        if (kind.endsWith("NetworkSet")) {
            return selectedByRule(r, "Allow") ? DriftSeverity.CRITICAL : DriftSeverity.WARNING;
        }
        return DriftSeverity.WARNING;
    }

    /** Whether some rule with {@code action} in a Git policy selects this network set by its labels. */
    private boolean selectedByRule(Resource set, String action) {
        Map<String, String> labels = new HashMap<>();
        set.body().path("metadata").path("labels").fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
        for (Resource p : desiredPolicies) {
            for (String dir : List.of("ingress", "egress")) {
                for (JsonNode rule : p.spec().path(dir)) {
                    if (!rule.path("action").asText().equals(action)) {
                        continue;
                    }
                    for (String side : List.of("source", "destination")) {
                        JsonNode sel = rule.path(side).path("selector");
                        if (sel.isTextual() && matches(sel.asText(), labels)) {
                            return true;
                        }
                    }
                }
            }
        }
        return false;
    }

    private static boolean matches(String selector, Map<String, String> labels) {
        try {
            return Selector.parse(selector).matches(labels);
        } catch (SelectorParseException e) {
            return false;
        }
    }
}
