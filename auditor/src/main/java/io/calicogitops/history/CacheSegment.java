package io.calicogitops.history;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A stretch of first-parent history that has been walked and analysed under one folder: the steps newest first, each
 * the first parent's child of the next, and {@code next}, the first parent of the last step, which the stretch does
 * not cover (empty when the last step is a root commit). Because a commit's first-parent line never changes, the
 * stretch holds for every walk that reaches any of its commits.
 */
record CacheSegment(String prefix, List<WalkStep> steps, Optional<String> next) {

    CacheSegment {
        Objects.requireNonNull(prefix, "prefix");
        steps = List.copyOf(steps);
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("a segment holds at least one commit");
        }
        next = next == null ? Optional.empty() : next;
    }

    /** The newest commit: the name the segment is stored under. */
    String tip() {
        return steps.get(0).id();
    }

    /** The position of every commit, by id. */
    Map<String, Integer> positions() {
        Map<String, Integer> out = new HashMap<>(steps.size() * 2);
        for (int i = 0; i < steps.size(); i++) {
            out.put(steps.get(i).id(), i);
        }
        return out;
    }

    /**
     * Whether this segment covers everything {@code other} does: it holds other's tip and, from there, at least as
     * many commits (or runs to the root commit), the line of first parents being the same from any commit.
     */
    boolean covers(CacheSegment other, Map<String, Integer> positions) {
        Integer at = positions.get(other.tip());
        return at != null && (next.isEmpty() || steps.size() - at >= other.steps.size());
    }
}
