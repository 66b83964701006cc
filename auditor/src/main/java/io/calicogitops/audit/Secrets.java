package io.calicogitops.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.calicogitops.audit.normalise.Normaliser;
import io.calicogitops.model.Kinds;
import io.calicogitops.model.Resource;
import io.calicogitops.model.ResourceId;

import java.util.List;

/**
 * The one place that knows where a Secret keeps its values and how they are hidden: Secrets are read one by one by
 * name, never listed; their values are compared in memory only and masked before anything is shown, logged, sent or
 * written, the way {@code kubectl diff} masks them (its {@code Masker}: every value becomes {@value #MASK}, and a key
 * whose value differs becomes {@value #MASK_BEFORE} on the live side and {@value #MASK_AFTER} on the side that would be
 * applied). No digest of a value is kept either: a password's SHA-256 can be guessed.
 */
public final class Secrets {

    /** What every value is replaced with. */
    public static final String MASK = "***";
    /** The live value of a key whose value differs (kubectl diff's "before"). */
    public static final String MASK_BEFORE = "*** (before)";
    /** The desired value of a key whose value differs (kubectl diff's "after"). */
    public static final String MASK_AFTER = "*** (after)";
    /** kubectl's client-side apply repeats the whole object, values included, in this annotation. */
    public static final String LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";
    /** The fields whose every value is secret: {@code data} (base64) and {@code stringData} (plain, write-only). */
    private static final List<String> VALUE_FIELDS = List.of("data", "stringData");
    private static final String LAST_APPLIED_POINTER = "/metadata/annotations/" + LAST_APPLIED.replace("/", "~1");

    private Secrets() {
    }

    /** Whether {@code id} names a core {@code v1 Secret}. */
    public static boolean isSecret(ResourceId id) {
        return Kinds.isSecret(id);
    }

    /** Whether {@code body} is a core {@code v1 Secret} by its {@code apiVersion} and {@code kind}. */
    public static boolean isSecret(JsonNode body) {
        return body != null && body.isObject() && "Secret".equals(body.path("kind").asText())
                && ResourceId.groupOf(body.path("apiVersion").asText("")).isEmpty();
    }

    /** A copy of {@code body} with every value masked when it is a Secret; any other body is returned as it is. */
    public static JsonNode masked(JsonNode body) {
        return isSecret(body) ? masked(new ResourceId("", "Secret", "", "-"), body) : body;
    }

    /** Whether {@code group/Kind} (as live readers are asked for kinds) is the Secret kind. */
    public static boolean isSecretKind(String groupSlashKind) {
        return "/Secret".equals(groupSlashKind) || "v1/Secret".equals(groupSlashKind);
    }

    /** Whether {@code pointer} inside {@code id}'s body holds a secret value (or a map of them, or the whole Secret). */
    public static boolean holdsValue(ResourceId id, String pointer) {
        if (!isSecret(id)) {
            return false;
        }
        if (pointer.isEmpty()) {
            return true;
        }
        for (String field : VALUE_FIELDS) {
            if (pointer.equals("/" + field) || pointer.startsWith("/" + field + "/")) {
                return true;
            }
        }
        return pointer.equals(LAST_APPLIED_POINTER);
    }

    /**
     * The sentence for a difference at a value pointer: which key was added, removed or changed, never the value.
     * {@code name} is the pointer in words ({@code data.password}); {@code from}/{@code to} say only which side has it.
     */
    public static String sentence(String name, JsonNode from, JsonNode to) {
        if (from == null) {
            return name + " added (value hidden)";
        }
        if (to == null) {
            return name + " removed (value hidden)";
        }
        return name + " changed (values hidden)";
    }

    /** A copy of {@code r} with its values masked; any other resource is returned as it is. */
    public static Resource masked(Resource r) {
        return isSecret(r.id()) ? new Resource(r.id(), masked(r.id(), r.body()), r.origin()) : r;
    }

    /** {@code snapshot} with every Secret's values masked, for keeping, logging or writing once compared. */
    public static LiveSnapshot masked(LiveSnapshot snapshot) {
        return new LiveSnapshot(snapshot.source(), snapshot.resources().stream().map(Secrets::masked).toList(),
                snapshot.kindsRead());
    }

    /** A copy of {@code body} (of {@code id}) with every value masked; any other body is returned as it is. */
    public static JsonNode masked(ResourceId id, JsonNode body) {
        if (!isSecret(id) || !(body instanceof ObjectNode object)) {
            return body;
        }
        ObjectNode copy = object.deepCopy();
        for (String field : VALUE_FIELDS) {
            maskValues(copy, field, null, MASK);
        }
        maskLastApplied(copy);
        return copy;
    }

    /**
     * Both normalised sides of a Secret masked as {@code kubectl diff} masks them: keys stay, so the diff still says
     * which were added, removed or changed; a key on both sides with different values gets {@value #MASK_BEFORE}
     * (live) and {@value #MASK_AFTER} (desired), so that the masked sides differ exactly where the real ones do. Call
     * it after deciding whether the sides are equal; any other pair is returned as it is.
     */
    public static Normaliser.Pair masked(ResourceId id, Normaliser.Pair pair) {
        if (!isSecret(id)) {
            return pair;
        }
        JsonNode desired = pair.desired() instanceof ObjectNode d ? d.deepCopy() : pair.desired();
        JsonNode live = pair.live() instanceof ObjectNode l ? l.deepCopy() : pair.live();
        for (String field : VALUE_FIELDS) {
            // The other side's values are read from the originals: the copies are being masked.
            JsonNode wanted = pair.desired() == null ? null : pair.desired().get(field);
            JsonNode running = pair.live() == null ? null : pair.live().get(field);
            if (desired instanceof ObjectNode d) {
                maskValues(d, field, running, MASK_AFTER);
            }
            if (live instanceof ObjectNode l) {
                maskValues(l, field, wanted, MASK_BEFORE);
            }
        }
        if (desired instanceof ObjectNode d) {
            maskLastApplied(d);
        }
        if (live instanceof ObjectNode l) {
            maskLastApplied(l);
        }
        return new Normaliser.Pair(desired, live);
    }

    /**
     * Replaces every value of {@code body.field}: by {@code differs} where {@code other} (the other side's map, if
     * any) has the key with another value, else by {@value #MASK}. A field that is not a map is masked whole.
     */
    private static void maskValues(ObjectNode body, String field, JsonNode other, String differs) {
        JsonNode values = body.get(field);
        if (values == null || values.isNull()) {
            return;
        }
        if (!(values instanceof ObjectNode map)) {
            body.put(field, other != null && !other.equals(values) ? differs : MASK);
            return;
        }
        map.properties().forEach(e -> {
            JsonNode theirs = other instanceof ObjectNode o ? o.get(e.getKey()) : null;
            e.setValue(TextNode.valueOf(theirs != null && !theirs.equals(e.getValue()) ? differs : MASK));
        });
    }

    private static void maskLastApplied(ObjectNode body) {
        if (body.path("metadata").path("annotations") instanceof ObjectNode annotations
                && annotations.has(LAST_APPLIED)) {
            annotations.put(LAST_APPLIED, MASK);
        }
    }
}
