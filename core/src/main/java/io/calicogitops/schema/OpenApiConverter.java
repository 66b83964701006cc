package io.calicogitops.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a CRD's structural {@code openAPIV3Schema} into a plain JSON Schema (draft 2019-09) that networknt validates
 * the way a Kubernetes API server would, minus CEL (CelRules takes those), plus closed objects. Rewriting the schema
 * once up front keeps the validator free of OpenAPI keywords, so it neither warns about them nor explodes int-or-string into anyOf errors.
 */
final class OpenApiConverter {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Formats both Kubernetes and networknt check; int32/int64/byte are OpenAPI-only and unknown to draft 2019-09. */
    private static final Set<String> KNOWN_FORMATS = Set.of("date-time");
    private static final Set<String> DROPPED = Set.of("description", "default", "example", "externalDocs",
            "nullable", "format", "title");

    private OpenApiConverter() {
    }

    static JsonNode convert(JsonNode openApi) {
        return convertSchema(openApi);
    }

    private static JsonNode convertSchema(JsonNode in) {
        if (!in.isObject()) {
            return in;
        }
        ObjectNode out = NODES.objectNode();
        boolean intOrString = in.path("x-kubernetes-int-or-string").asBoolean(false);
        for (Map.Entry<String, JsonNode> e : in.properties()) {
            String key = e.getKey();
            JsonNode value = e.getValue();
            if (key.startsWith("x-kubernetes-") || DROPPED.contains(key) || intOrString && key.equals("anyOf")) {
                continue;
            }
            switch (key) {
                case "properties" -> {
                    ObjectNode props = out.putObject("properties");
                    value.properties().forEach(p -> props.set(p.getKey(), convertSchema(p.getValue())));
                }
                case "items", "additionalProperties", "not" -> out.set(key, convertItems(value));
                case "allOf", "anyOf", "oneOf" -> out.set(key, convertAll(value));
                default -> out.set(key, value);
            }
        }
        if (KNOWN_FORMATS.contains(in.path("format").asText())) {
            out.set("format", in.get("format"));
        }
        if (intOrString) {
            // x-kubernetes-int-or-string: the API server accepts an integer or a string and nothing else.
            out.set("type", NODES.arrayNode().add("integer").add("string"));
        }
        if (in.path("nullable").asBoolean(false) && out.has("type")) {
            out.set("type", withNull(out.get("type")));
        }
        if ("set".equals(in.path("x-kubernetes-list-type").asText())) {
            // The API server rejects duplicate entries in list-type=set lists ("Duplicate value").
            out.put("uniqueItems", true);
        }
        boolean preserveUnknown = in.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
        if (out.has("properties") && !out.has("additionalProperties") && !preserveUnknown) {
            // A real API server prunes unknown fields silently; in a GitOps repository they are almost always typos.
            out.put("additionalProperties", false);
        }
        mergeEnumAllOf(out);
        return out;
    }

    private static JsonNode convertItems(JsonNode value) {
        return value.isArray() ? convertAll(value) : convertSchema(value);
    }

    private static ArrayNode convertAll(JsonNode array) {
        ArrayNode out = NODES.arrayNode();
        array.forEach(s -> out.add(convertSchema(s)));
        return out;
    }

    private static ArrayNode withNull(JsonNode type) {
        ArrayNode types = NODES.arrayNode();
        if (type.isArray()) {
            types.addAll((ArrayNode) type);
        } else {
            types.add(type);
        }
        return types.add("null");
    }

    /**
     * controller-gen writes {@code allOf: [{enum: A}, {enum: B}]} when a Go type and its field both carry an enum
     * (Tier defaultAction, bpfJITHardening). One enum holding the intersection reports one clear error instead of two.
     */
    private static void mergeEnumAllOf(ObjectNode schema) {
        JsonNode allOf = schema.get("allOf");
        if (allOf == null || allOf.isEmpty()) {
            return;
        }
        Set<JsonNode> allowed = null;
        for (JsonNode part : allOf) {
            if (part.size() != 1 || !part.has("enum")) {
                return;
            }
            List<JsonNode> values = new ArrayList<>();
            part.get("enum").forEach(values::add);
            if (allowed == null) {
                allowed = new LinkedHashSet<>(values);
            } else {
                allowed.retainAll(values);
            }
        }
        ArrayNode merged = NODES.arrayNode();
        allowed.forEach(merged::add);
        schema.remove("allOf");
        schema.set("enum", merged);
    }
}
