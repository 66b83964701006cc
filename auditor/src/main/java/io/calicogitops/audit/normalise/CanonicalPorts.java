package io.calicogitops.audit.normalise;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calicogitops.model.ResourceId;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Writes rule ports as Calico's numorstring.Port reads them back: a number, a {@code "min:max"} range or a name. */
final class CanonicalPorts implements NormaliseStep {

    private static final Pattern DIGITS = Pattern.compile("\\d{1,5}");
    private static final Pattern RANGE = Pattern.compile("(\\d{1,5}):(\\d{1,5})");

    @Override
    public String name() {
        return "ports";
    }

    @Override
    public String why() {
        return "Ports are numorstring.Port: in API-server mode '53' reads back as 53 and a one-port range '53:53' as 53, "
                + "while native-CRD mode keeps them as written (calico-semantics §3.2). A real range stays the string "
                + "'min:max' (leading zeros dropped, as Go's parser does), a named port stays its name.";
    }

    @Override
    public void apply(ObjectNode body, ResourceId id, Side side) {
        if (!CalicoKinds.isTieredPolicy(id)) {
            return;
        }
        for (ObjectNode entity : PolicyRules.entityRules(body)) {
            for (String field : List.of("ports", "notPorts")) {
                if (entity.get(field) instanceof ArrayNode ports) {
                    for (int i = 0; i < ports.size(); i++) {
                        ports.set(i, canonical(ports.get(i)));
                    }
                }
            }
        }
    }

    static JsonNode canonical(JsonNode port) {
        if (port.isNumber()) {
            return CanonicalNumbers.of(port);
        }
        if (!port.isTextual()) {
            return port;
        }
        String text = port.asText().strip();
        if (DIGITS.matcher(text).matches()) {
            return JsonNodeFactory.instance.numberNode(Integer.parseInt(text));
        }
        Matcher range = RANGE.matcher(text);
        if (range.matches()) {
            int min = Integer.parseInt(range.group(1));
            int max = Integer.parseInt(range.group(2));
            return min == max ? JsonNodeFactory.instance.numberNode(min)
                    : JsonNodeFactory.instance.textNode(min + ":" + max);
        }
        return port;
    }
}
