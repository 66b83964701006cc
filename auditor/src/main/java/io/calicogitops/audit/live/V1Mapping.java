package io.calicogitops.audit.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calicogitops.diag.Diagnostics;
import io.calicogitops.diag.SourceLocation;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Turns a {@code crd.projectcalico.org/v1} custom resource into the {@code projectcalico.org/v3} object the Calico
 * API server would return for it, as libcalico-go's {@code ConvertK8sResourceToCalicoResource} does
 * (calico-semantics §3.3 and §6.1). Used by both live readers so that a v1 read and a v3 read compare alike.
 */
public final class V1Mapping {

    public static final String V1_GROUP = "crd.projectcalico.org";
    public static final String V1_API_VERSION = V1_GROUP + "/v1";
    public static final String V3_API_VERSION = "projectcalico.org/v3";
    /** Holds the v3 ObjectMeta as JSON on every v1 CR written through the v3 API. */
    public static final String METADATA_ANNOTATION = "projectcalico.org/metadata";

    // The kinds whose backend (v1) name carries the tier prefix (libcalico-go model/keys.go, determinePolicyName).
    private static final Set<String> TIERED_POLICY_KINDS = Set.of(
            "NetworkPolicy", "GlobalNetworkPolicy", "StagedNetworkPolicy", "StagedGlobalNetworkPolicy");
    private static final ObjectMapper JSON = new ObjectMapper();

    private V1Mapping() {
    }

    /** True when the object is a {@code crd.projectcalico.org/v1} custom resource. */
    public static boolean isV1(JsonNode body) {
        return V1_API_VERSION.equals(body.path("apiVersion").asText(""));
    }

    /**
     * The v3 view of a v1 object (a copy; the input is not changed). A {@code projectcalico.org/metadata} annotation
     * that is not a JSON object is reported at {@code at} and gives an empty result.
     */
    public static Optional<ObjectNode> toV3(JsonNode v1, SourceLocation at, Diagnostics diagnostics) {
        ObjectNode out = v1.deepCopy();
        out.put("apiVersion", V3_API_VERSION);
        ObjectNode meta = out.withObjectProperty("metadata");
        String kind = out.path("kind").asText("");
        JsonNode raw = meta.path("annotations").path(METADATA_ANNOTATION);
        if (raw.isMissingNode() || raw.isNull()) {
            // Objects written straight to the CRDs (by the operator, or by older Calico) have no v3 metadata: only
            // the name rule and the UID conversion apply.
            meta.put("name", v3Name(kind, meta.path("name").asText(""), out.path("spec").path("tier").asText("")));
            convertUidField(meta);
            return Optional.of(out);
        }
        ObjectNode stored;
        try {
            JsonNode parsed = JSON.readTree(raw.asText(""));
            if (parsed == null || !parsed.isObject()) {
                throw new IllegalArgumentException("not a JSON object");
            }
            stored = (ObjectNode) parsed;
        } catch (JsonProcessingException | IllegalArgumentException e) {
            diagnostics.error(at, "annotation " + METADATA_ANNOTATION + " of " + kind + " "
                    + meta.path("name").asText("") + " is not a JSON object",
                    "the Calico API server would fail to read this object too; check how it was written");
            return Optional.empty();
        }
        out.set("metadata", mergedMetadata(kind, meta, stored, out.path("spec").path("tier").asText("")));
        return Optional.of(out);
    }

    /**
     * The v3 metadata: what was stored in the annotation, with name, namespace, resourceVersion and UID from the
     * CR, labels and annotations of the CR merged under the stored ones (older Calico kept them on the CR), and
     * every other v1-only field (the CR's generation, managedFields, finalizers) dropped.
     */
    private static ObjectNode mergedMetadata(String kind, ObjectNode cr, ObjectNode stored, String tier) {
        ObjectNode meta = stored.deepCopy();
        String storedName = stored.path("name").asText("");
        meta.put("name", storedName.isEmpty() ? v3Name(kind, cr.path("name").asText(""), tier) : storedName);
        copyOrRemove(cr, meta, "namespace");
        copyOrRemove(cr, meta, "resourceVersion");
        copyOrRemove(cr, meta, "uid");
        convertUidField(meta);
        if (!meta.hasNonNull("creationTimestamp")) {
            copyOrRemove(cr, meta, "creationTimestamp");
        }
        ObjectNode crAnnotations = cr.path("annotations").isObject() ? ((ObjectNode) cr.get("annotations")).deepCopy() : null;
        if (crAnnotations != null) {
            crAnnotations.remove(METADATA_ANNOTATION);
        }
        setMerged(meta, "labels", cr.path("labels"), stored.path("labels"));
        setMerged(meta, "annotations", crAnnotations == null ? JSON.missingNode() : crAnnotations, stored.path("annotations"));
        if (meta.path("ownerReferences").isArray()) {
            for (JsonNode ref : (ArrayNode) meta.get("ownerReferences")) {
                String apiVersion = ref.path("apiVersion").asText("");
                // Owners are stored with their v1 identity (or, before a Calico fix, a v3 one with the v1 UID).
                if (ref.isObject() && (V1_API_VERSION.equals(apiVersion) || V3_API_VERSION.equals(apiVersion))) {
                    ((ObjectNode) ref).put("apiVersion", V3_API_VERSION);
                    convertUidField((ObjectNode) ref);
                }
            }
        }
        return meta;
    }

    /**
     * The v3 name of a policy from its backend name: a default-tier policy stored as {@code default.X} is {@code X}
     * (libcalico-go determinePolicyName; calico-semantics §2). Other kinds and other tiers keep their name.
     */
    public static String v3Name(String kind, String backendName, String tier) {
        boolean defaultTier = tier == null || tier.isEmpty() || "default".equals(tier);
        if (TIERED_POLICY_KINDS.contains(kind) && defaultTier && backendName.startsWith("default.")) {
            return backendName.substring("default.".length());
        }
        return backendName;
    }

    /**
     * The UID the v3 view shows for a v1 CR: every byte's bits reversed except bytes 6 and 8, which hold the UUID
     * version and variant (libcalico-go conversion.ConvertUID). The conversion is its own inverse.
     * A value that is not a UUID is returned unchanged.
     */
    public static String convertUid(String uid) {
        UUID parsed;
        try {
            parsed = UUID.fromString(uid);
        } catch (IllegalArgumentException e) {
            return uid;
        }
        byte[] bytes = new byte[16];
        long hi = parsed.getMostSignificantBits();
        long lo = parsed.getLeastSignificantBits();
        for (int i = 0; i < 8; i++) {
            bytes[i] = (byte) (hi >>> (56 - 8 * i));
            bytes[i + 8] = (byte) (lo >>> (56 - 8 * i));
        }
        for (int i = 0; i < 16; i++) {
            if (i != 6 && i != 8) {
                bytes[i] = (byte) (Integer.reverse(bytes[i] & 0xff) >>> 24);
            }
        }
        long newHi = 0;
        long newLo = 0;
        for (int i = 0; i < 8; i++) {
            newHi = (newHi << 8) | (bytes[i] & 0xff);
            newLo = (newLo << 8) | (bytes[i + 8] & 0xff);
        }
        return new UUID(newHi, newLo).toString();
    }

    private static void convertUidField(ObjectNode node) {
        if (node.path("uid").isTextual()) {
            node.put("uid", convertUid(node.get("uid").asText()));
        }
    }

    private static void copyOrRemove(ObjectNode from, ObjectNode to, String field) {
        if (from.hasNonNull(field)) {
            to.set(field, from.get(field).deepCopy());
        } else {
            to.remove(field);
        }
    }

    private static void setMerged(ObjectNode meta, String field, JsonNode base, JsonNode over) {
        ObjectNode merged = JSON.createObjectNode();
        for (JsonNode source : new JsonNode[] {base, over}) {
            if (source.isObject()) {
                for (Map.Entry<String, JsonNode> e : source.properties()) {
                    merged.set(e.getKey(), e.getValue().deepCopy());
                }
            }
        }
        if (merged.isEmpty()) {
            meta.remove(field);
        } else {
            meta.set(field, merged);
        }
    }
}
