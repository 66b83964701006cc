package io.calicogitops.audit.normalise;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calicogitops.memo.BoundedMemo;
import io.calicogitops.model.ResourceId;
import io.calicogitops.selector.Selector;
import io.calicogitops.selector.SelectorParseException;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/** Replaces every Calico selector by its parsed semantic canonical form. */
final class CanonicalSelectors implements NormaliseStep {

    private static final List<String> POLICY_SELECTORS = List.of("selector", "namespaceSelector", "serviceAccountSelector");
    private static final List<String> RULE_SELECTORS = List.of("selector", "notSelector", "namespaceSelector");
    // Each selector is parsed once per run, not once per side: both sides of a policy in sync hold the same text, and
    // a fleet repeats the same few selectors.
    private static final BoundedMemo<String, String> CANONICAL =
            new BoundedMemo<>(new ConcurrentHashMap<>(), 50_000, CanonicalSelectors::parse);

    @Override
    public String name() {
        return "selectors";
    }

    @Override
    public String why() {
        return "The server stores selectors verbatim and only Felix canonicalises them (calico-semantics §1.4), so "
                + "whitespace, quotes, 'in {}' order, operand order and nesting of &&/|| and double negation are not "
                + "drift, while any change of meaning still is. A policy's own empty selector selects everything and is "
                + "written all(); an empty rule selector stays absent, because in a rule absent also matches non-Calico "
                + "endpoints (external IPs) and all() does not. An unparseable selector is kept verbatim: the "
                + "validator reports it.";
    }

    @Override
    public void apply(ObjectNode body, ResourceId id, Side side) {
        if (CalicoKinds.isTieredPolicy(id)) {
            ObjectNode spec = PolicyRules.spec(body);
            JsonNode own = spec.get("selector");
            if (own == null || own.isNull() || own.isTextual() && own.asText().isBlank()) {
                spec.put("selector", "all()");
            }
            canonicalise(spec, POLICY_SELECTORS);
            for (ObjectNode entity : PolicyRules.entityRules(body)) {
                canonicalise(entity, RULE_SELECTORS);
                if (entity.get("serviceAccounts") instanceof ObjectNode accounts) {
                    canonicalise(accounts, List.of("selector"));
                }
            }
        } else if (CalicoKinds.isCalico(id, "DeepPacketInspection") && body.get("spec") instanceof ObjectNode spec) {
            canonicalise(spec, List.of("selector"));
        } else if (CalicoKinds.isCalico(id, "GlobalReport")
                && body.path("spec").get("endpoints") instanceof ObjectNode endpoints) {
            canonicalise(endpoints, List.of("selector"));
            for (String scope : List.of("namespaces", "serviceAccounts")) {
                if (endpoints.get(scope) instanceof ObjectNode names) {
                    canonicalise(names, List.of("selector"));
                }
            }
        }
    }

    private static void canonicalise(ObjectNode owner, List<String> fields) {
        for (String field : fields) {
            JsonNode value = owner.get(field);
            if (value != null && value.isTextual()) {
                owner.put(field, canonical(value.asText()));
            }
        }
    }

    /** The semantic canonical form of {@code text}, or {@code text} itself when Calico would reject it. */
    static String canonical(String text) {
        return CANONICAL.get(text);
    }

    private static String parse(String text) {
        try {
            return Selector.parse(text).semanticCanonical();
        } catch (SelectorParseException e) {
            return text;
        }
    }
}
