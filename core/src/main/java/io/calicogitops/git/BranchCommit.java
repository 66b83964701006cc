package io.calicogitops.git;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One commit of a branch's history as {@link GitRepo#history} returns it: its id, its parents (none for a root, two or
 * more for a merge), committer time, message, and every path it added, modified or removed against its first parent
 * (against the empty tree for a root commit).
 */
public record BranchCommit(String id, List<String> parents, Instant time, String message,
                           SortedMap<String, FileChange.Type> paths) {

    public BranchCommit {
        parents = List.copyOf(parents);
        paths = Collections.unmodifiableSortedMap(new TreeMap<>(paths));
    }

    /** The first 12 hex digits of the id, how messages name a commit. */
    public String shortId() {
        return id.substring(0, Math.min(12, id.length()));
    }
}
