package io.calicogitops.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calicogitops.audit.live.V1Mapping;
import io.calicogitops.model.Kinds;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Test helper: what a Calico Cloud API server returns for an object that was {@code kubectl apply}-ed, built the way
 * calico-semantics §3 and §6 describe it. {@link #v3} is the {@code projectcalico.org/v3} view (server metadata, the
 * last-applied annotation, the tier label, {@code spec.tier}, inferred {@code types}, Tier {@code defaultAction},
 * {@code stagedAction}, quoted numeric ports and protocols as numbers, empty {@code source}/{@code destination}
 * objects of Go structs, false bools dropped, {@code status} blocks); {@link #v1} the {@code crd.projectcalico.org/v1}
 * custom resource that stores it.
 */
public final class ApiServerRoundTrip {

    /** How the server names a default-tier policy created as {@code default.X}. */
    public enum Naming {
        /** Calico 3.30 and later: the name exactly as created. */
        AS_CREATED,
        /** Before 3.30: {@code default.X} comes back as {@code X} (the ArgoCD drift of calico-semantics §2). */
        PRE_3_30
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String T0 = "2026-11-20T09:14:02Z";
    private static final String TIER_LABEL = "projectcalico.org/tier";
    private static final Set<String> TIERED = Set.of(
            "NetworkPolicy", "GlobalNetworkPolicy", "StagedNetworkPolicy", "StagedGlobalNetworkPolicy");

    private ApiServerRoundTrip() {
    }

    /** The v3 object the API server returns after {@code applied} was created; {@code serial} varies resourceVersion. */
    public static ObjectNode v3(JsonNode applied, int serial, Naming naming) {
        ObjectNode o = applied.deepCopy();
        ObjectNode meta = o.withObjectProperty("metadata");
        String kind = o.path("kind").asText();
        boolean calico = o.path("apiVersion").asText().startsWith(Kinds.CALICO_GROUP + "/");
        serverMetadata(o, meta, applied, serial);
        if (!calico) {
            return o;
        }
        ObjectNode spec = o.get("spec") instanceof ObjectNode s ? s : o.putObject("spec");
        if (TIERED.contains(kind)) {
            String tier = spec.path("tier").asText("");
            if (tier.isEmpty()) {
                tier = "default";
                spec.put("tier", tier);
            }
            meta.withObjectProperty("labels").put(TIER_LABEL, tier);
            if (!spec.path("types").isArray() || spec.path("types").isEmpty()) {
                ArrayNode types = spec.putArray("types");
                boolean ingress = spec.path("ingress").size() > 0;
                boolean egress = spec.path("egress").size() > 0;
                // clientv3 defaults: egress only -> [Egress]; both -> [Ingress, Egress]; otherwise [Ingress].
                if (ingress || !egress) {
                    types.add("Ingress");
                }
                if (egress) {
                    types.add("Egress");
                }
            }
            if (kind.startsWith("Staged") && spec.path("stagedAction").asText("").isEmpty()) {
                spec.put("stagedAction", "Set");
            }
            for (String flag : List.of("doNotTrack", "preDNAT", "applyOnForward")) {
                if (spec.path(flag).isBoolean() && !spec.get(flag).booleanValue()) {
                    spec.remove(flag);
                }
            }
            rules(spec);
            String name = meta.path("name").asText();
            if (naming == Naming.PRE_3_30 && tier.equals("default") && name.startsWith("default.")) {
                meta.put("name", name.substring("default.".length()));
            }
        }
        switch (kind) {
            case "StagedKubernetesNetworkPolicy" -> {
                if (!spec.path("policyTypes").isArray() || spec.path("policyTypes").isEmpty()) {
                    ArrayNode types = spec.putArray("policyTypes");
                    types.add("Ingress");
                    if (spec.path("egress").size() > 0) {
                        types.add("Egress");
                    }
                }
                if (spec.path("stagedAction").asText("").isEmpty()) {
                    spec.put("stagedAction", "Set");
                }
            }
            case "Tier" -> {
                if (spec.path("defaultAction").asText("").isEmpty()) {
                    spec.put("defaultAction", "Deny");
                }
                o.set("status", JSON.valueToTree(Map.of("conditions", List.of(Map.of("type", "Ready", "status", "True",
                        "reason", "Ready", "lastTransitionTime", T0, "observedGeneration", 1)))));
            }
            case "GlobalThreatFeed" -> {
                putIfAbsent(spec, "content", "IPSet");
                putIfAbsent(spec, "mode", "Enabled");
                putIfAbsent(spec, "feedType", "Custom");
                o.set("status", JSON.valueToTree(Map.of("lastSuccessfulSync", "2026-11-22T06:00:11Z")));
            }
            case "GlobalReport" -> o.set("status", JSON.valueToTree(Map.of("lastScheduledReportJob",
                    Map.of("id", "job-1", "start", "2026-11-22T06:00:00Z", "end", "2026-11-22T06:15:00Z"))));
            case "GlobalAlert" -> o.set("status", JSON.valueToTree(Map.of("active", true, "healthy", true,
                    "lastUpdate", "2026-11-22T06:01:02Z", "lastExecuted", "2026-11-22T06:05:00Z")));
            case "DeepPacketInspection" -> o.set("status", JSON.valueToTree(Map.of("nodes",
                    List.of(Map.of("node", "ip-10-0-1-23", "active", Map.of("success", true))))));
            case "FelixConfiguration" -> {
                putIfAbsent(spec, "nftablesMode", "Auto");
                putIfAbsent(spec, "nftablesFlowTableOffload", "Disabled");
            }
            default -> {
            }
        }
        return o;
    }

    /**
     * The {@code crd.projectcalico.org/v1} custom resource that stores the v3 object {@code v3} (calico-semantics
     * §6.1): a default-tier policy's backend name carries {@code default.}, the v3 metadata is JSON in the annotation
     * {@code projectcalico.org/metadata}, only {@code projectcalico.org/*} and {@code operator.tigera.io/*} labels and
     * annotations stay on the CR, and the UID is bit-reversed.
     */
    public static ObjectNode v1(JsonNode v3) {
        ObjectNode o = v3.deepCopy();
        o.put("apiVersion", V1Mapping.V1_API_VERSION);
        ObjectNode v3meta = (ObjectNode) v3.path("metadata");
        ObjectNode stored = JSON.createObjectNode();
        for (String field : List.of("name", "namespace", "uid", "creationTimestamp", "generation", "labels", "annotations")) {
            if (v3meta.has(field)) {
                stored.set(field, v3meta.get(field).deepCopy());
            }
        }
        ObjectNode meta = JSON.createObjectNode();
        String kind = o.path("kind").asText();
        String name = v3meta.path("name").asText();
        String tier = o.path("spec").path("tier").asText("default");
        meta.put("name", TIERED.contains(kind) && tier.equals("default") && !name.startsWith("default.")
                ? "default." + name : name);
        if (v3meta.has("namespace")) {
            meta.set("namespace", v3meta.get("namespace"));
        }
        meta.put("uid", V1Mapping.convertUid(v3meta.path("uid").asText()));
        meta.put("resourceVersion", v3meta.path("resourceVersion").asText());
        meta.put("creationTimestamp", T0);
        meta.put("generation", 1);
        ObjectNode labels = calicoOnly(v3meta.path("labels"));
        if (!labels.isEmpty()) {
            meta.set("labels", labels);
        }
        ObjectNode annotations = calicoOnly(v3meta.path("annotations"));
        annotations.put(V1Mapping.METADATA_ANNOTATION, stored.toString());
        meta.set("annotations", annotations);
        meta.set("managedFields", JSON.valueToTree(List.of(Map.of("apiVersion", V1Mapping.V1_API_VERSION,
                "fieldsType", "FieldsV1", "fieldsV1", Map.of("f:spec", Map.of(".", Map.of())),
                "manager", "calico-apiserver", "operation", "Update", "time", T0))));
        o.set("metadata", meta);
        return o;
    }

    private static void serverMetadata(ObjectNode o, ObjectNode meta, JsonNode applied, int serial) {
        ObjectNode annotations = meta.withObjectProperty("annotations");
        annotations.put("kubectl.kubernetes.io/last-applied-configuration", applied.toString() + "\n");
        meta.put("creationTimestamp", T0);
        meta.put("generation", 1);
        meta.put("resourceVersion", String.valueOf(412000 + 17 * serial));
        String identity = o.path("kind").asText() + "/" + meta.path("namespace").asText("") + "/" + meta.path("name").asText();
        meta.put("uid", UUID.nameUUIDFromBytes(identity.getBytes(StandardCharsets.UTF_8)).toString());
        meta.set("managedFields", JSON.valueToTree(List.of(Map.of("apiVersion", o.path("apiVersion").asText(),
                "fieldsType", "FieldsV1",
                "fieldsV1", Map.of("f:metadata", Map.of("f:annotations", Map.of(".", Map.of(),
                        "f:kubectl.kubernetes.io/last-applied-configuration", Map.of())), "f:spec", Map.of(".", Map.of())),
                "manager", "kubectl-client-side-apply", "operation", "Update", "time", T0))));
    }

    /** Go's view of each rule: EntityRule structs are always written ({} when empty), quoted numbers read back as numbers. */
    private static void rules(ObjectNode spec) {
        for (String direction : List.of("ingress", "egress")) {
            for (JsonNode rule : spec.path(direction)) {
                if (!(rule instanceof ObjectNode r)) {
                    continue;
                }
                for (String field : List.of("protocol", "notProtocol")) {
                    JsonNode p = r.get(field);
                    if (p != null && p.isTextual() && p.asText().matches("\\d{1,3}")) {
                        r.put(field, Integer.parseInt(p.asText()));
                    }
                }
                for (String end : List.of("source", "destination")) {
                    ObjectNode entity = r.get(end) instanceof ObjectNode e ? e : r.putObject(end);
                    for (String field : List.of("ports", "notPorts")) {
                        if (entity.get(field) instanceof ArrayNode ports) {
                            for (int i = 0; i < ports.size(); i++) {
                                JsonNode port = ports.get(i);
                                if (port.isTextual() && port.asText().matches("\\d{1,5}")) {
                                    ports.set(i, ports.numberNode(Integer.parseInt(port.asText())));
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    private static ObjectNode calicoOnly(JsonNode map) {
        ObjectNode out = JSON.createObjectNode();
        map.properties().forEach(e -> {
            if (e.getKey().startsWith("projectcalico.org/") || e.getKey().startsWith("operator.tigera.io/")) {
                out.set(e.getKey(), e.getValue());
            }
        });
        return out;
    }

    private static void putIfAbsent(ObjectNode spec, String field, String value) {
        if (spec.path(field).asText("").isEmpty()) {
            spec.put(field, value);
        }
    }
}
