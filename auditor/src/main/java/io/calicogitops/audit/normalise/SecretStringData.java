package io.calicogitops.audit.normalise;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calicogitops.model.Kinds;
import io.calicogitops.model.ResourceId;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Merges a Secret's write-only {@code stringData} into {@code data}, base64-encoded, as the API server stores it. */
final class SecretStringData implements NormaliseStep {

    @Override
    public String name() {
        return "secret-string-data";
    }

    @Override
    public String why() {
        return "Kubernetes merges a Secret's stringData into data on write (base64 of the UTF-8 text, overwriting the "
                + "same key in data) and never returns stringData when read, so Git's stringData is compared as the data "
                + "the cluster holds (Kubernetes API reference, Secret v1: stringData).";
    }

    @Override
    public void apply(ObjectNode body, ResourceId id, Side side) {
        if (!Kinds.isSecret(id) || !(body.get("stringData") instanceof ObjectNode strings)) {
            return;
        }
        ObjectNode data = body.get("data") instanceof ObjectNode d ? d : body.putObject("data");
        strings.properties().forEach(e -> {
            JsonNode v = e.getValue();
            if (v.isValueNode() && !v.isNull()) {
                data.put(e.getKey(), Base64.getEncoder().encodeToString(v.asText().getBytes(StandardCharsets.UTF_8)));
            }
        });
        body.remove("stringData");
    }
}
