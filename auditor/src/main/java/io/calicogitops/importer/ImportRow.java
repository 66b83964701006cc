package io.calicogitops.importer;

import io.calicogitops.model.ResourceId;

/** One live object and where the import put it: a pack template, the imported pack, or nowhere (and why). */
public record ImportRow(ResourceId id, Outcome outcome, String detail) {

    /** Where a live object went. */
    public enum Outcome {
        /** A built-in pack renders it exactly, with the profile values the import wrote. */
        PACK,
        /** Held verbatim (server fields stripped) in the cluster's imported pack. */
        IMPORTED,
        /** Not brought into Git (Secrets, objects Calico or the operator generate, non-Calico kinds). */
        SKIPPED
    }
}
