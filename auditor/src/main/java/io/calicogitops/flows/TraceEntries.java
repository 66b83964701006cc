package io.calicogitops.flows;

import java.util.HashMap;
import java.util.Map;

/**
 * Reads policy trace entries through a bounded cache: a flow log repeats the same few hundred entries on every record,
 * and a {@link PolicyHit} is immutable and a function of its text alone, so the cached hit is the one a fresh
 * {@link PolicyTraceParser#parse(String)} would give. A malformed entry is not cached: it throws every time. Sharing the
 * instances also lets {@link TraceMatcher} remember what it looked up per hit.
 */
final class TraceEntries {

    /** More distinct entries than this empties the cache (a stream of unbounded variety stays bounded in memory). */
    static final int MAX_ENTRIES = 1 << 16;

    private final Map<String, PolicyHit> parsed = new HashMap<>();

    PolicyHit parse(String entry) {
        PolicyHit hit = parsed.get(entry);
        if (hit == null) {
            hit = PolicyTraceParser.parse(entry);
            if (parsed.size() >= MAX_ENTRIES) {
                parsed.clear();
            }
            parsed.put(entry, hit);
        }
        return hit;
    }

    int size() {
        return parsed.size();
    }
}
