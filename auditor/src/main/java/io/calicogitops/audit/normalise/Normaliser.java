package io.calicogitops.audit.normalise;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calicogitops.model.Resource;
import io.calicogitops.model.ResourceId;

import java.util.List;
import java.util.Objects;

/**
 * Normalises desired (Git) and live (cluster) objects the way Calico reads them, so that equal trees mean no drift.
 *
 * <p>The standard step order is fixed: {@code v1-view} first, so that every later step sees a v3 object; the strip
 * steps ({@code strip-server-metadata}, {@code strip-status}, {@code strip-tier-label}) and {@code canonical-name}
 * next; {@code secret-string-data} (a Secret's stringData as the data it becomes) before {@code drop-empty-values};
 * {@code drop-empty-values} before {@code calico-defaults}, so that {@code tier: ''} and {@code types: []} get
 * their default; {@code numbers}, which {@code ports} and {@code protocols} build on; {@code selectors}, which writes
 * a policy's missing selector as {@code all()} once empties are gone; {@code cidrs} before {@code set-lists}, so that
 * sets are sorted and de-duplicated in canonical form. Rule lists are never reordered. {@link #normalisePair} then
 * applies the pairwise {@code partial-kinds} step.
 */
public final class Normaliser {

    /** One resource's two normalised sides; a side is null when the object does not exist there. */
    public record Pair(JsonNode desired, JsonNode live) {
    }

    private static final Normaliser STANDARD = new Normaliser(List.of(
            new V1View(),
            new StripServerMetadata(),
            new StripStatus(),
            new StripTierLabel(),
            new CanonicalPolicyName(),
            new SecretStringData(),
            new DropEmptyValues(),
            new CalicoDefaults(),
            new CanonicalNumbers(),
            new CanonicalPorts(),
            new CanonicalProtocols(),
            new CanonicalSelectors(),
            new CanonicalCidrs(),
            new SetLikeLists()));

    /** Only what the server and controllers add (metadata, status, tier label, the v1 storage view): intent stays verbatim. */
    private static final Normaliser SERVER_FIELDS = new Normaliser(List.of(
            new V1View(),
            new StripServerMetadata(),
            new StripStatus(),
            new StripTierLabel()));

    private final List<NormaliseStep> steps;

    private Normaliser(List<NormaliseStep> steps) {
        this.steps = List.copyOf(steps);
    }

    /** The Calico-aware normaliser with every standard step in the documented order. */
    public static Normaliser standard() {
        return STANDARD;
    }

    /**
     * The steps that remove what the server wrote, and nothing that canonicalises intent: what {@code import} keeps
     * of a live object, so that Git holds it as the user wrote it.
     */
    public static Normaliser serverFieldsOnly() {
        return SERVER_FIELDS;
    }

    /** A normaliser with exactly these per-side steps, applied in list order (tests, custom pipelines). */
    public static Normaliser of(List<NormaliseStep> steps) {
        return new Normaliser(steps);
    }

    /**
     * True for kinds rendered as partial intent (FelixConfiguration {@code default}, operator kinds, every kind outside
     * projectcalico.org): only the fields Git states are compared, and apply writes only those fields.
     */
    public static boolean isPartiallyManaged(ResourceId id) {
        return CalicoKinds.isPartiallyManaged(id);
    }

    /** The per-side steps in the order they run. */
    public List<NormaliseStep> steps() {
        return steps;
    }

    /** A normalised deep copy of {@code r}'s body; {@code r} itself is not changed. */
    public JsonNode normalise(Resource r, Side side) {
        Objects.requireNonNull(r, "resource");
        Objects.requireNonNull(side, "side");
        JsonNode copy = r.body().deepCopy();
        if (copy instanceof ObjectNode body) {
            for (NormaliseStep step : steps) {
                step.apply(body, r.id(), side);
            }
        }
        return copy;
    }

    /**
     * Both sides normalised (either may be null). For partially-managed kinds (FelixConfiguration default,
     * operator.tigera.io kinds, every kind outside projectcalico.org) the generator renders partial intent for
     * server-side apply, so the live side keeps only the fields the desired side states; Calico policy, set, tier,
     * alert, report and feed kinds are compared whole.
     */
    public Pair normalisePair(Resource desired, Resource live) {
        JsonNode d = desired == null ? null : normalise(desired, Side.DESIRED);
        JsonNode l = live == null ? null : normalise(live, Side.LIVE);
        ResourceId id = desired != null ? desired.id() : live != null ? live.id() : null;
        if (d != null && l != null && CalicoKinds.isPartiallyManaged(id)) {
            ManagedFields.prune(d, l);
        }
        return new Pair(d, l);
    }
}
