package io.calicogitops.audit.normalise;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calicogitops.model.ResourceId;

import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/** Removes fields whose value is {@code null}, {@code {}}, {@code []} or {@code ""}, at any depth. */
final class DropEmptyValues implements NormaliseStep {

    /** String-to-string maps: an entry with an empty value is a real label ({@code has(k)} matches it). */
    private static final Set<String> STRING_MAPS = Set.of(
            "labels", "annotations", "matchLabels", "nodeSelector", "jobNodeSelector");

    @Override
    public String name() {
        return "drop-empty-values";
    }

    @Override
    public String why() {
        return "source: {}, source: (null), empty lists and serviceAccountSelector: '' mean the same as absent, and "
                + "Go's omitempty drops them on read while native-CRD mode keeps them as written (calico-semantics "
                + "§3.2). List elements are never removed, so an empty rule '{}' keeps the positions of the rules after "
                + "it; an entry with an empty value in a labels or annotations map is kept, as it is a real label.";
    }

    @Override
    public void apply(ObjectNode body, ResourceId id, Side side) {
        clean(body, false);
    }

    private static void clean(JsonNode node, boolean stringMap) {
        if (node.isArray()) {
            node.forEach(element -> clean(element, false));
            return;
        }
        if (!(node instanceof ObjectNode object)) {
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = object.properties().iterator(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode value = field.getValue();
            clean(value, STRING_MAPS.contains(field.getKey()));
            boolean emptyText = value.isTextual() && value.asText().isEmpty() && !stringMap;
            if (value.isNull() || emptyText || (value.isContainerNode() && value.isEmpty())) {
                it.remove();
            }
        }
    }
}
