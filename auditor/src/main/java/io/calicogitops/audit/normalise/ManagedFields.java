package io.calicogitops.audit.normalise;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Pairwise step for partially-managed kinds ({@link CalicoKinds#isPartiallyManaged}): drops from the live side every
 * field the desired side does not state, so that only fields Git manages can drift.
 */
final class ManagedFields {

    static final String NAME = "partial-kinds";

    private ManagedFields() {
    }

    /**
     * Removes from {@code live} (in place) the object fields absent from {@code desired}, recursively. Lists are
     * compared whole: an extra, missing or moved element is drift. Only when both lists have the same length are
     * object elements pruned position by position, because the server defaults fields inside list elements too (a
     * Service port's targetPort, a container's imagePullPolicy) and an element's unstated fields are not managed.
     */
    static void prune(JsonNode desired, JsonNode live) {
        if (desired instanceof ObjectNode want && live instanceof ObjectNode have) {
            have.properties().removeIf(field -> !want.has(field.getKey()));
            have.properties().forEach(field -> prune(want.get(field.getKey()), field.getValue()));
        } else if (desired instanceof ArrayNode want && live instanceof ArrayNode have && want.size() == have.size()) {
            for (int i = 0; i < want.size(); i++) {
                prune(want.get(i), have.get(i));
            }
        }
    }
}
