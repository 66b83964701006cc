package io.calicogitops.audit;

import io.calicogitops.model.ResourceId;

import java.util.Collections;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What a live reader is asked for: the kinds to list ({@code group/Kind}) and the Secrets to read one by one by
 * namespace and name. Secrets are never listed: a list would fetch every credential of the cluster, when the audit
 * only compares the few that Git names (see {@link Secrets}).
 */
public record LiveQuery(SortedSet<String> kinds, SortedSet<ResourceId> secrets) {

    public LiveQuery {
        kinds = Collections.unmodifiableSortedSet(new TreeSet<>(kinds));
        secrets = Collections.unmodifiableSortedSet(new TreeSet<>(secrets));
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

    /** Only kinds to list, no Secrets. */
    public static LiveQuery of(Set<String> kinds) {
        return new LiveQuery(new TreeSet<>(kinds), new TreeSet<>());
    }
}
