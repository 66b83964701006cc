package io.calicogitops.audit;

import io.calicogitops.model.ResourceId;

import java.util.Collections;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What a live reader is asked for: the kinds to list ({@code group/Kind}), the Secrets to read one by one by
 * namespace and name, and the Secrets whose existence alone is checked ({@code probes}: prerequisites Git does not
 * hold, asked for as metadata only, so their values are never fetched). Secrets are never listed: a list would fetch
 * every credential of the cluster, when the audit only compares the few that Git names (see {@link Secrets}). A
 * probed Secret that exists comes back with its metadata only.
 */
public record LiveQuery(SortedSet<String> kinds, SortedSet<ResourceId> secrets, SortedSet<ResourceId> probes) {

    public LiveQuery {
        kinds = Collections.unmodifiableSortedSet(new TreeSet<>(kinds));
        secrets = Collections.unmodifiableSortedSet(new TreeSet<>(secrets));
        probes = Collections.unmodifiableSortedSet(new TreeSet<>(probes));
        for (ResourceId id : probes) {
            if (!Secrets.isSecret(id) || id.namespace().isEmpty() || secrets.contains(id)) {
                throw new IllegalArgumentException("not a Secret with a namespace to probe: " + id);
            }
        }
        for (String kind : kinds) {
            if (Secrets.isSecretKind(kind)) {
                throw new IllegalArgumentException("Secrets are never listed; ask for them by name");
            }
        }
        for (ResourceId id : secrets) {
            if (!Secrets.isSecret(id) || id.namespace().isEmpty()) {
                throw new IllegalArgumentException("not a Secret with a namespace: " + id);
            }
        }
    }

    /** Kinds to list and Secrets to read, nothing probed. */
    public LiveQuery(SortedSet<String> kinds, SortedSet<ResourceId> secrets) {
        this(kinds, secrets, new TreeSet<>());
    }

    /** Only kinds to list, no Secrets. */
    public static LiveQuery of(Set<String> kinds) {
        return new LiveQuery(new TreeSet<>(kinds), new TreeSet<>());
    }
}
