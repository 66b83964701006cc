package io.calicogitops.fleet;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Converts a JSON tree into plain maps, lists, strings, numbers and booleans for the template view model. */
public final class ViewValues {

    private ViewValues() {
    }

    @SuppressWarnings("unchecked")
    public static <T> T toPlain(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isObject()) {
            Map<String, Object> m = new LinkedHashMap<>();
            node.fields().forEachRemaining(e -> m.put(e.getKey(), toPlain(e.getValue())));
            return (T) m;
        }
        if (node.isArray()) {
            List<Object> l = new ArrayList<>();
            node.forEach(e -> l.add(toPlain(e)));
            return (T) l;
        }
        if (node.isBoolean()) {
            return (T) Boolean.valueOf(node.booleanValue());
        }
        if (node.isIntegralNumber()) {
            return (T) (Object) node.asLong();
        }
        if (node.isNumber()) {
            return (T) (Object) node.asDouble();
        }
        return (T) node.asText();
    }
}
