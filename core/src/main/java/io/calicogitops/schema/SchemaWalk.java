package io.calicogitops.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Follows a document path through a converted (structural) schema, and applies the API server's null pruning. */
final class SchemaWalk {

    private SchemaWalk() {
    }

    /** The sub-schema for {@code path}, or a missing node when the schema does not describe it. */
    static JsonNode at(JsonNode schema, DocPath path) {
        JsonNode node = schema;
        for (Object segment : path.segments()) {
            node = child(node, segment);
        }
        return node;
    }

    /** The sub-schema of one key or index: {@code properties}, then {@code additionalProperties}, or {@code items}. */
    static JsonNode child(JsonNode schema, Object segment) {
        if (segment instanceof Integer) {
            JsonNode items = schema.path("items");
            return items.isObject() ? items : MissingNode.getInstance();
        }
        JsonNode property = schema.path("properties").path((String) segment);
        if (!property.isMissingNode()) {
            return property;
        }
        JsonNode additional = schema.path("additionalProperties");
        return additional.isObject() ? additional : MissingNode.getInstance();
    }

    /** Names declared under {@code properties} of the schema at {@code path} (for "did you mean"). */
    static List<String> propertyNames(JsonNode schema, DocPath path) {
        List<String> names = new ArrayList<>();
        at(schema, path).path("properties").fieldNames().forEachRemaining(names::add);
        return names;
    }

    /**
     * A copy of {@code document} without object members whose value is null, unless their schema allows null. The API
     * server does the same before validating ("null values for fields that don't specify nullable are pruned"), so
     * {@code source:} with no value means absent, as Calico documents it.
     */
    static JsonNode pruneNulls(JsonNode document, JsonNode schema) {
        JsonNode copy = document.deepCopy();
        prune(copy, schema);
        return copy;
    }

    private static void prune(JsonNode node, JsonNode schema) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = ((ObjectNode) node).properties().iterator();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode sub = child(schema, e.getKey());
                // An undeclared member stays, so that a misspelt key with no value is still reported as unknown.
                if (e.getValue().isNull() && !sub.isMissingNode() && !allowsNull(sub)) {
                    it.remove();
                } else {
                    prune(e.getValue(), sub);
                }
            }
        } else if (node.isArray()) {
            JsonNode items = child(schema, 0);
            node.forEach(item -> prune(item, items));
        }
    }

    private static boolean allowsNull(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            for (JsonNode t : type) {
                if ("null".equals(t.asText())) {
                    return true;
                }
            }
        }
        return false;
    }
}
