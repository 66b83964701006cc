package io.calicogitops.importer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calicogitops.model.Kinds;
import io.calicogitops.model.Resource;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The profile values under which a built-in pack might reproduce live objects, read off those objects: kube-dns's
 * order, the FelixConfiguration log settings, the default-deny namespaces, mode and order, the live tiers. Every other
 * pack is tried with its defaults. A guess is only a candidate: {@link PackRecogniser} renders it and keeps it only if
 * the output equals the live objects.
 */
final class PackGuesses {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern NAMESPACES = Pattern.compile("projectcalico\\.org/namespace\\s+in\\s*\\{([^}]*)}");
    /** Profile key under logs: -> FelixConfiguration field (docs/fleet-profile.md). */
    private static final Map<String, String> LOGS = Map.of(
            "flowFlushInterval", "flowLogsFlushInterval",
            "dnsFlushInterval", "dnsLogsFlushInterval",
            "flowAggregationForAllowed", "flowLogsFileAggregationKindForAllowed",
            "flowAggregationForDenied", "flowLogsFileAggregationKindForDenied",
            "dnsAggregation", "dnsLogsFileAggregationKind",
            "dnsFileEnabled", "dnsLogsFileEnabled",
            "tcpStats", "flowLogsCollectTcpStats");

    private PackGuesses() {
    }

    /** The values to try for {@code pack}, most specific first; the defaults (an empty object) always last. */
    static List<ObjectNode> of(String pack, List<Resource> live) {
        Optional<ObjectNode> guess = switch (pack) {
            case "kube-dns" -> find(live, "GlobalNetworkPolicy", "security.allow-kube-dns")
                    .filter(r -> r.body().path("spec").path("order").isNumber())
                    .map(r -> object("kubeDns", NODES.objectNode().set("order", r.body().path("spec").path("order"))));
            case "felix" -> find(live, "FelixConfiguration", "default").map(PackGuesses::felix);
            case "default-deny" -> live.stream().filter(PackGuesses::isDefaultDeny).findFirst().flatMap(PackGuesses::defaultDeny);
            case "tiers" -> tiers(live);
            default -> Optional.empty();
        };
        return guess.map(g -> List.of(g, NODES.objectNode())).orElse(List.of(NODES.objectNode()));
    }

    private static ObjectNode felix(Resource felix) {
        JsonNode spec = felix.body().path("spec");
        ObjectNode logs = NODES.objectNode();
        LOGS.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            JsonNode v = spec.get(e.getValue());
            if (v != null && (v.isTextual() || v.isNumber() || v.isBoolean())) {
                logs.set(e.getKey(), v);
            }
        });
        ObjectNode out = object("logs", logs);
        if (spec.path("wireguardEnabled").isBoolean()) {
            out.set("wireguard", spec.get("wireguardEnabled"));
        }
        return out;
    }

    private static boolean isDefaultDeny(Resource r) {
        String kind = r.id().kind();
        return (kind.equals("GlobalNetworkPolicy") || kind.equals("StagedGlobalNetworkPolicy"))
                && (r.id().name().equals("default-deny") || r.id().name().endsWith(".default-deny"));
    }

    private static Optional<ObjectNode> defaultDeny(Resource r) {
        Matcher m = NAMESPACES.matcher(r.body().path("spec").path("selector").asText(""));
        if (!m.find()) {
            return Optional.empty();
        }
        ArrayNode namespaces = NODES.arrayNode();
        for (String item : m.group(1).split(",")) {
            String ns = item.trim().replaceAll("^['\"]|['\"]$", "");
            if (!ns.isEmpty()) {
                namespaces.add(ns);
            }
        }
        ObjectNode deny = NODES.objectNode();
        deny.set("namespaces", namespaces);
        deny.put("mode", r.id().kind().startsWith("Staged") ? "staged" : "enforced");
        if (r.body().path("spec").path("order").isNumber()) {
            deny.set("order", r.body().path("spec").path("order"));
        }
        return Optional.of(object("defaultDeny", deny));
    }

    private static Optional<ObjectNode> tiers(List<Resource> live) {
        ArrayNode tiers = NODES.arrayNode();
        live.stream().filter(r -> r.id().kind().equals("Tier") && r.body().path("spec").path("order").isNumber())
                .forEach(r -> tiers.add(NODES.objectNode().put("name", r.id().name())
                        .set("order", r.body().path("spec").path("order"))));
        return tiers.isEmpty() ? Optional.empty() : Optional.of(object("tiers", tiers));
    }

    private static Optional<Resource> find(List<Resource> live, String kind, String name) {
        return live.stream().filter(r -> r.id().group().equals(Kinds.CALICO_GROUP) && r.id().kind().equals(kind)
                && r.id().name().equals(name)).findFirst();
    }

    private static ObjectNode object(String key, JsonNode value) {
        ObjectNode out = NODES.objectNode();
        out.set(key, value);
        return out;
    }
}
