package io.calicogitops.schema;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cel.common.values.NullValue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a parsed document into the values CEL rules see, as the API server does: objects become maps (so
 * {@code has(self.x)} tests the key), numbers take the schema's type ({@code number} is always a double, so
 * {@code self.order == 1000000.0} holds for {@code order: 1000000}), and absent properties with a schema
 * {@code default} are filled in first, because the API server defaults an object before it validates it.
 */
final class CelValues {

    private CelValues() {
    }

    /** The CEL value of {@code json}, typed by {@code schema} (null when the schema does not describe it). */
    static Object of(JsonNode json, CelRules.Node schema) {
        if (json.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> e : json.properties()) {
                map.put(e.getKey(), of(e.getValue(), schema == null ? null : schema.member(e.getKey())));
            }
            if (schema != null) {
                schema.defaults().forEach((key, value) -> {
                    if (!map.containsKey(key)) {
                        map.put(key, of(value, schema.properties().get(key)));
                    }
                });
            }
            return Collections.unmodifiableMap(map);
        }
        if (json.isArray()) {
            List<Object> list = new ArrayList<>(json.size());
            CelRules.Node items = schema == null ? null : schema.items();
            json.forEach(item -> list.add(of(item, items)));
            return Collections.unmodifiableList(list);
        }
        if (json.isNumber()) {
            boolean asDouble = schema != null && "number".equals(schema.type()) || !json.isIntegralNumber();
            return asDouble ? (Object) json.asDouble() : (Object) json.asLong();
        }
        if (json.isTextual()) {
            return json.asText();
        }
        if (json.isBoolean()) {
            return json.asBoolean();
        }
        return NullValue.NULL_VALUE;
    }
}
