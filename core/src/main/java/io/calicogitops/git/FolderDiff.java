package io.calicogitops.git;

import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.EmptyTreeIterator;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The files under one folder that each commit of a first-parent walk changed, found as Git's tree diff finds them
 * with a pathspec: first the folder's tree id in the commit and in its parent (equal ids mean nothing under it
 * changed, without reading the folder), and only when they differ the two folder trees compared. Walking newest
 * first, a commit's folder id is the one looked up for the commit before as its parent's, so each commit costs the
 * trees down to the folder once instead of twice. Anything but a folder at that path (a file, a submodule) goes
 * through {@code slow}, the comparison from the root trees, so the result is always the same as that one's.
 */
final class FolderDiff {

    /** The slow comparison from the root trees: the reference this one must agree with. */
    interface Slow {
        List<PathChange> changed(RevCommit c) throws IOException;
    }

    /** What the commit's tree holds at the folder's path: its id and mode; null when nothing is there. */
    private record Entry(ObjectId id, int mode) {

        boolean isTree() {
            return (mode & FileMode.TYPE_MASK) == FileMode.TYPE_TREE;
        }
    }

    private final RevWalk rw;
    private final ObjectReader reader;
    private final TreeWalk tw;
    private final String prefix;
    private final Slow slow;
    private ObjectId lastCommit;
    private Entry lastEntry;

    FolderDiff(RevWalk rw, TreeWalk tw, String prefix, Slow slow) {
        this.rw = rw;
        this.reader = rw.getObjectReader();
        this.tw = tw;
        this.prefix = prefix;
        this.slow = slow;
    }

    /** The files under the folder that differ between {@code c} and its first parent (all of them for a root commit). */
    List<PathChange> changed(RevCommit c) throws IOException {
        Entry now = entry(c);
        Entry before = c.getParentCount() == 0 ? null : entry(rw.parseCommit(c.getParent(0)));
        if (Objects.equals(now, before)) {
            return List.of();
        }
        if ((now != null && !now.isTree()) || (before != null && !before.isTree())) {
            return slow.changed(c);
        }
        tw.reset();
        tw.setRecursive(true);
        tw.setFilter(TreeFilter.ANY_DIFF);
        if (before == null) {
            tw.addTree(new EmptyTreeIterator());
        } else {
            tw.addTree(before.id());
        }
        if (now == null) {
            tw.addTree(new EmptyTreeIterator());
        } else {
            tw.addTree(now.id());
        }
        List<PathChange> out = new ArrayList<>();
        while (tw.next()) {
            GitRepo.pathChange(prefix + "/" + tw.getPathString(), tw).ifPresent(out::add);
        }
        return out;
    }

    /** The folder's entry in {@code c}; the last one is kept, as the next commit of the walk is its child. */
    private Entry entry(RevCommit c) throws IOException {
        if (c.equals(lastCommit)) {
            return lastEntry;
        }
        Entry e;
        try (TreeWalk at = TreeWalk.forPath(reader, prefix, c.getTree())) {
            e = at == null ? null : new Entry(at.getObjectId(0), at.getRawMode(0));
        }
        lastCommit = c.copy();
        lastEntry = e;
        return e;
    }
}
