package io.calicogitops.audit;

import io.calicogitops.model.Resource;

import java.util.List;

/**
 * Everything read from a cluster (or from snapshot files): the objects of every kind that was listed, which kinds
 * those were, and a description of the source for the report ({@code context prod-eks (projectcalico.org/v3)} or
 * {@code files: a.yaml, b.yaml}). A snapshot is complete by construction: readers throw instead of returning part.
 */
public record LiveSnapshot(String source, List<Resource> resources, List<String> kindsRead) {

    public LiveSnapshot {
        resources = List.copyOf(resources);
        kindsRead = List.copyOf(kindsRead);
    }
}
