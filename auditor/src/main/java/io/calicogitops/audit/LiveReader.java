package io.calicogitops.audit;

import java.util.Set;

/** Reads the live state of every requested kind; never returns partial data (throws {@code ClusterAccessException} instead). */
@FunctionalInterface
public interface LiveReader {

    /**
     * Lists every kind of {@code query} and reads each of its Secrets by name (a Secret that does not exist is simply
     * absent from the snapshot).
     */
    LiveSnapshot read(LiveQuery query);

    /** @param kinds the kinds to list, as {@code group/Kind} (e.g. {@code projectcalico.org/GlobalNetworkPolicy}) */
    default LiveSnapshot read(Set<String> kinds) {
        return read(LiveQuery.of(kinds));
    }
}
