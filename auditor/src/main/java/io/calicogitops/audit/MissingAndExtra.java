package io.calicogitops.audit;

import com.fasterxml.jackson.databind.JsonNode;
import io.calicogitops.model.Kinds;
import io.calicogitops.model.Resource;
import io.calicogitops.selector.Selector;
import io.calicogitops.selector.SelectorParseException;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Severity of a whole resource being missing from, or extra in, the cluster, judged by what it does: a missing policy
 * or tier, or a missing network set that a Deny rule in Git selects, can let through what Git denies; so can an extra
 * policy with an Allow or Pass rule, or an extra network set that an Allow rule in Git selects. When the severity
 * comes from a rule, the sentence names it, so that the reader sees why.
 */
final class MissingAndExtra {

    static final String MISSING = "in Git, not in the cluster";
    static final String UNMANAGED = "in the cluster, not in Git";

    private final List<Resource> desiredPolicies;
    // Each rule selector is parsed once, however many network sets are checked against it (from several threads).
    private final Map<String, Optional<Selector>> selectors = new ConcurrentHashMap<>();

    MissingAndExtra(DesiredState desired) {
        this.desiredPolicies = desired.resources().values().stream()
                .filter(r -> Kinds.isCalicoPolicy(r.id().group(), r.id().kind())).toList();
    }

    Change missing(Resource r) {
        String kind = r.id().kind();
        if (Kinds.isCalicoPolicy(r.id().group(), kind) || kind.equals("Tier")) {
            return new Change("", MISSING, DriftSeverity.CRITICAL);
        }
        if (kind.endsWith("NetworkSet")) {
            return selectedByRule(r, "Deny")
                    .map(rule -> new Change("", MISSING + "; Deny rules select it (" + rule + ")", DriftSeverity.CRITICAL))
                    .orElse(new Change("", MISSING, DriftSeverity.WARNING));
        }
        if (kind.equals("FelixConfiguration") && r.spec().path("wireguardEnabled").asBoolean(false)) {
            return new Change("", MISSING + "; WireGuard is off without it", DriftSeverity.CRITICAL);
        }
        return new Change("", MISSING, DriftSeverity.WARNING);
    }

    Change unmanaged(Resource r) {
        String kind = r.id().kind();
        if (Kinds.isCalicoPolicy(r.id().group(), kind)) {
            for (String dir : List.of("ingress", "egress")) {
                JsonNode rules = r.spec().path(dir);
                for (int i = 0; i < rules.size(); i++) {
                    String action = rules.get(i).path("action").asText();
                    if (action.equals("Allow") || action.equals("Pass")) {
                        return new Change("", UNMANAGED + "; " + dir + " rule " + (i + 1) + " is " + action,
                                DriftSeverity.CRITICAL);
                    }
                }
            }
            return new Change("", UNMANAGED, DriftSeverity.WARNING);
        }
        if (kind.endsWith("NetworkSet")) {
            return selectedByRule(r, "Allow")
                    .map(rule -> new Change("", UNMANAGED + "; Allow rules select it (" + rule + ")", DriftSeverity.CRITICAL))
                    .orElse(new Change("", UNMANAGED, DriftSeverity.WARNING));
        }
        return new Change("", UNMANAGED, DriftSeverity.WARNING);
    }

    /** The first rule with {@code action} in a Git policy that selects this network set by its labels, named. */
    private Optional<String> selectedByRule(Resource set, String action) {
        Map<String, String> labels = new HashMap<>();
        set.body().path("metadata").path("labels").fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
        for (Resource p : desiredPolicies) {
            for (String dir : List.of("ingress", "egress")) {
                JsonNode rules = p.spec().path(dir);
                for (int i = 0; i < rules.size(); i++) {
                    JsonNode rule = rules.get(i);
                    if (!rule.path("action").asText().equals(action)) {
                        continue;
                    }
                    for (String side : List.of("source", "destination")) {
                        if (selects(rule.path(side), labels)) {
                            return Optional.of(p.id().display() + " " + dir + " rule " + (i + 1));
                        }
                    }
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Whether an entity rule picks an object with these labels: its selector matches (when present) and its
     * notSelector does not (when present); a rule with neither selects by address, not by label. Namespace scoping
     * is not modelled, so this may say yes too often, never too rarely.
     */
    private boolean selects(JsonNode entity, Map<String, String> labels) {
        JsonNode selector = entity.path("selector");
        JsonNode notSelector = entity.path("notSelector");
        if (!selector.isTextual() && !notSelector.isTextual()) {
            return false;
        }
        return (!selector.isTextual() || matches(selector.asText(), labels))
                && (!notSelector.isTextual() || !matches(notSelector.asText(), labels));
    }

    /** False for a selector Calico would reject (the validator reports it). */
    private boolean matches(String selector, Map<String, String> labels) {
        return selectors.computeIfAbsent(selector, MissingAndExtra::parse).map(s -> s.matches(labels)).orElse(false);
    }

    private static Optional<Selector> parse(String selector) {
        try {
            return Optional.of(Selector.parse(selector));
        } catch (SelectorParseException e) {
            return Optional.empty();
        }
    }
}
