package io.calicogitops.audit.normalise;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calicogitops.model.ResourceId;

import java.util.List;
import java.util.Map;

/** Writes rule protocols by name when Calico has one for the number: {@code "6"}, {@code 6} and {@code TCP} are one. */
final class CanonicalProtocols implements NormaliseStep {

    private static final Map<Integer, String> NAMES = Map.of(
            1, "ICMP", 6, "TCP", 17, "UDP", 58, "ICMPv6", 132, "SCTP", 136, "UDPLite");

    @Override
    public String name() {
        return "protocols";
    }

    @Override
    public String why() {
        return "protocol and notProtocol are numorstring.Protocol: '6' reads back as 6 in API-server mode "
                + "(calico-semantics §3.2), and Felix programs 6 and TCP identically, so the six protocols Calico names "
                + "(ICMP 1, TCP 6, UDP 17, ICMPv6 58, SCTP 132, UDPLite 136) are written by name. Names are "
                + "case-sensitive in Calico ('tcp' is rejected), so case is left as written for the validator.";
    }

    @Override
    public void apply(ObjectNode body, ResourceId id, Side side) {
        if (!CalicoKinds.isTieredPolicy(id)) {
            return;
        }
        for (ObjectNode rule : PolicyRules.rules(body)) {
            for (String field : List.of("protocol", "notProtocol")) {
                JsonNode value = rule.get(field);
                if (value != null) {
                    rule.set(field, canonical(value));
                }
            }
        }
    }

    static JsonNode canonical(JsonNode protocol) {
        Integer number = null;
        if (protocol.isIntegralNumber() && protocol.canConvertToInt()) {
            number = protocol.intValue();
        } else if (protocol.isTextual() && protocol.asText().matches("\\d{1,3}")) {
            number = Integer.parseInt(protocol.asText());
        }
        if (number == null) {
            return protocol;
        }
        String name = NAMES.get(number);
        return name != null ? JsonNodeFactory.instance.textNode(name) : JsonNodeFactory.instance.numberNode(number);
    }
}
