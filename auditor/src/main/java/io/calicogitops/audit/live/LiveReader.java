package io.calicogitops.audit.live;

import io.calicogitops.audit.LiveSnapshot;

import java.util.Set;

/** Reads the live state of every requested kind; never returns partial data (throws {@code ClusterAccessException} instead). */
public interface LiveReader {

    /** @param kinds the kinds to list, as {@code group/Kind} (e.g. {@code projectcalico.org/GlobalNetworkPolicy}) */
    LiveSnapshot read(Set<String> kinds);
}
