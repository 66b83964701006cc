package io.calicogitops.audit.normalise;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calicogitops.model.ResourceId;

/** Turns a {@code crd.projectcalico.org/v1} custom resource into the {@code projectcalico.org/v3} object it stores. */
final class V1View implements NormaliseStep {

    static final String METADATA_ANNOTATION = "projectcalico.org/metadata";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String name() {
        return "v1-view";
    }

    @Override
    public String why() {
        return "A crd.projectcalico.org/v1 CR is the storage of a projectcalico.org/v3 object: same spec, but the real "
                + "labels, annotations and v3 name live as JSON in the projectcalico.org/metadata annotation "
                + "(calico-semantics §6.1); the workshop's wireguard-stats.yaml is even written as v1.";
    }

    @Override
    public void apply(ObjectNode body, ResourceId id, Side side) {
        if (!body.path("apiVersion").asText("").startsWith("crd.projectcalico.org/")) {
            return;
        }
        body.put("apiVersion", "projectcalico.org/v3");
        JsonNode stored = body.path("metadata").path("annotations").path(METADATA_ANNOTATION);
        if (!stored.isTextual() || !(body.get("metadata") instanceof ObjectNode meta)) {
            // Without the annotation, §6.1 says: strip "default." (canonical-name does) and ignore the uid (stripped).
            return;
        }
        JsonNode v3;
        try {
            v3 = JSON.readTree(stored.asText());
        } catch (JsonProcessingException e) {
            return;
        }
        if (!v3.isObject()) {
            return;
        }
        if (v3.path("name").isTextual() && !v3.path("name").asText().isBlank()) {
            meta.set("name", v3.get("name"));
        }
        // Only projectcalico.org/* and operator.tigera.io/* labels and annotations are copied onto the CR: the
        // annotation holds the complete maps, so it replaces them (absent there means the v3 object has none).
        for (String map : new String[] {"labels", "annotations"}) {
            if (v3.get(map) instanceof ObjectNode values) {
                meta.set(map, values.deepCopy());
            } else {
                meta.remove(map);
            }
        }
    }
}
