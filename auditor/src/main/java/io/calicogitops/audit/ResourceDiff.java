package io.calicogitops.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.flipkart.zjsonpatch.DiffFlags;
import com.flipkart.zjsonpatch.JsonDiff;
import io.calicogitops.model.Resource;
import io.calicogitops.model.ResourceId;

import java.util.List;
import java.util.Objects;

/**
 * How one resource's desired version differs from its live one, all in one place (as gitops-engine's {@code diff.Diff}
 * returns one result): both normalised trees, the RFC 6902 patch that turns {@code live} into {@code desired}, the
 * change sentences and the worst severity. For a Secret every output is masked ({@link Secrets}); whether the sides
 * are equal was decided on the real values before masking. Built by {@link Differ}.
 */
public record ResourceDiff(ResourceId id, JsonNode desired, JsonNode live, List<Change> changes, DriftSeverity severity) {

    public ResourceDiff {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(desired, "desired");
        Objects.requireNonNull(live, "live");
        changes = List.copyOf(changes);
        Objects.requireNonNull(severity, "severity");
    }

    /** The diff of two versions of one resource with the standard Calico normaliser, Git against the cluster. */
    public static ResourceDiff of(Resource desired, Resource live) {
        return Differ.standard().diff(desired, live);
    }

    /**
     * The RFC 6902 patch that turns {@code live} into {@code desired}, computed when asked: the audit reports it,
     * history needs only the sentences. Built from the masked trees, so it never carries a Secret's value.
     */
    public JsonNode patch() {
        return inSync() ? JsonNodeFactory.instance.arrayNode()
                : JsonDiff.asJson(live, desired, DiffFlags.dontNormalizeOpIntoMoveAndCopy());
    }

    /** Whether the normalised sides are equal (decided on real values; unequal sides always get a sentence). */
    public boolean inSync() {
        return changes.isEmpty();
    }
}
