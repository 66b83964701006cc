package io.calicogitops.audit.normalise;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calicogitops.model.ResourceId;

import java.math.BigDecimal;
import java.util.Map;

/** Writes every number in one canonical node type: integral values as int (or long), the rest as double. */
final class CanonicalNumbers implements NormaliseStep {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final BigDecimal MAX_LONG = BigDecimal.valueOf(Long.MAX_VALUE);
    private static final BigDecimal MIN_LONG = BigDecimal.valueOf(Long.MIN_VALUE);

    @Override
    public String name() {
        return "numbers";
    }

    @Override
    public String why() {
        return "order is a float64 (100 == 100.0) and Tier order a float (calico-semantics §3.2); the API server "
                + "answers 100 where Git wrote 100.0, and JSON trees are equal only when their number node types are, "
                + "so YAML's int, JSON's long and 100.0's double must meet in one form. Quoted numbers are left alone: "
                + "a string order is invalid and the validator reports it.";
    }

    @Override
    public void apply(ObjectNode body, ResourceId id, Side side) {
        canonicalise(body);
    }

    private static void canonicalise(JsonNode node) {
        if (node instanceof ObjectNode object) {
            for (Map.Entry<String, JsonNode> field : object.properties()) {
                JsonNode value = field.getValue();
                if (value.isNumber()) {
                    field.setValue(of(value));
                } else {
                    canonicalise(value);
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                if (array.get(i).isNumber()) {
                    array.set(i, of(array.get(i)));
                } else {
                    canonicalise(array.get(i));
                }
            }
        }
    }

    /** The canonical node of a number; also used by the ports and protocols steps. */
    static JsonNode of(JsonNode number) {
        if (number.isDouble() || number.isFloat()) {
            double d = number.doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                return number;
            }
        }
        BigDecimal value = number.decimalValue().stripTrailingZeros();
        boolean integral = value.signum() == 0 || value.scale() <= 0;
        if (integral && value.compareTo(MAX_LONG) <= 0 && value.compareTo(MIN_LONG) >= 0) {
            long l = value.longValueExact();
            return l == (int) l ? NODES.numberNode((int) l) : NODES.numberNode(l);
        }
        return NODES.numberNode(value.doubleValue());
    }
}
