package io.calicogitops.audit;

import com.fasterxml.jackson.databind.JsonNode;
import io.calicogitops.audit.normalise.Normaliser;
import io.calicogitops.model.Resource;
import io.calicogitops.model.ResourceId;

import java.util.List;
import java.util.Objects;

/**
 * The one diff entry point: normalises two versions of a resource with the injected {@link Normaliser}, decides
 * equality on the real values, then masks a Secret's values (kubectl diff's way) before building the sentences; the
 * patch, computed on request, is built from the same masked trees, so neither can carry a value (zjsonpatch copies
 * values into the patch). The auditor (and through it apply's plan) and history use it.
 */
public final class Differ {

    private static final Differ STANDARD = new Differ(Normaliser.standard());

    private final Normaliser normaliser;

    public Differ(Normaliser normaliser) {
        this.normaliser = Objects.requireNonNull(normaliser, "normaliser");
    }

    /** The differ with the standard Calico normaliser. */
    public static Differ standard() {
        return STANDARD;
    }

    /**
     * {@code desired} (Git) against {@code live} (the cluster); both must exist, as an object on one side only is a
     * whole-object change (missing or unmanaged), not a field diff.
     */
    public ResourceDiff diff(Resource desired, Resource live) {
        Objects.requireNonNull(desired, "desired");
        Objects.requireNonNull(live, "live");
        Normaliser.Pair pair = normaliser.normalisePair(desired, live);
        return compare(desired.id(), pair.desired(), pair.live(), Sides.AUDIT);
    }

    /**
     * Two already normalised versions of {@code id}: {@code from} read as the desired side, {@code to} as the live
     * one, named in sentences as {@code sides} says (history compares a parent commit with a commit this way).
     */
    public ResourceDiff compare(ResourceId id, JsonNode from, JsonNode to, Sides sides) {
        Normaliser.Pair real = new Normaliser.Pair(from, to);
        boolean equal = Objects.equals(from, to);
        // Equality is decided on the real values above; from here on a Secret's values are masked.
        Normaliser.Pair shown = Secrets.masked(id, real);
        if (equal) {
            return new ResourceDiff(id, shown.desired(), shown.live(), List.of(), DriftSeverity.NONE);
        }
        List<Change> changes = ChangeSentences.between(id, shown.desired(), shown.live(), sides);
        return new ResourceDiff(id, shown.desired(), shown.live(), changes, ChangeSentences.worst(changes));
    }
}
