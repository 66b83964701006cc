package io.calicogitops.git;

import io.calicogitops.diag.GitAccessException;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.ReflogEntry;
import org.eclipse.jgit.lib.ReflogReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevSort;
import org.eclipse.jgit.revwalk.RevTree;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.EmptyTreeIterator;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Writes and reads a branch that only grows (the drift log), entirely in the object database: commits are built with
 * an in-core {@link DirCache} and an {@link ObjectInserter}, so the checked-out branch, its index and the work tree
 * are never touched, and bare repositories work the same. The ref moves by compare-and-swap only.
 */
final class AppendOnlyBranch {

    private AppendOnlyBranch() {
    }

    static Optional<String> append(Repository repo, String ref, Optional<String> parent, SortedMap<String, byte[]> files,
                                   String message, PersonIdent who) throws IOException {
        if (parent.isEmpty() && repo.getRefDatabase().isNameConflicting(ref)) {
            throw new GitAccessException("cannot create " + ref + ": it conflicts with existing refs "
                    + repo.getRefDatabase().getConflictingNames(ref));
        }
        ObjectId id = build(repo, ref, parent, files, message, who);
        return move(repo, ref, parent, id, message, who) ? Optional.of(id.name()) : Optional.empty();
    }

    /** The commit {@link #append} would make, written to the object database; no ref moves. */
    static ObjectId build(Repository repo, String ref, Optional<String> parent, SortedMap<String, byte[]> files,
                          String message, PersonIdent who) throws IOException {
        try (ObjectInserter inserter = repo.newObjectInserter();
             ObjectReader reader = inserter.newReader();
             RevWalk walk = new RevWalk(reader)) {
            DirCache index = DirCache.newInCore();
            DirCacheBuilder builder = index.builder();
            ObjectId parentId = null;
            if (parent.isPresent()) {
                parentId = ObjectId.fromString(parent.get());
                RevTree tree = walk.parseCommit(parentId).getTree();
                for (String path : files.keySet()) {
                    // Append-only: an entry once written is never replaced, whatever the caller asks.
                    if (TreeWalk.forPath(reader, path, tree) != null) {
                        throw new GitAccessException("refusing to overwrite " + path + " on " + ref + ": it already exists");
                    }
                }
                builder.addTree(new byte[0], DirCacheEntry.STAGE_0, reader, tree);
            }
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                DirCacheEntry entry = new DirCacheEntry(f.getKey());
                entry.setFileMode(FileMode.REGULAR_FILE);
                entry.setObjectId(inserter.insert(Constants.OBJ_BLOB, f.getValue()));
                builder.add(entry);
            }
            builder.finish();
            CommitBuilder commit = new CommitBuilder();
            commit.setTreeId(index.writeTree(inserter));
            if (parentId != null) {
                commit.setParentId(parentId);
            }
            commit.setAuthor(who);
            commit.setCommitter(who);
            commit.setMessage(message);
            ObjectId id = inserter.insert(commit);
            inserter.flush();
            return id;
        }
    }

    /**
     * Moves {@code ref} from {@code expected} (absent: the ref must not exist) to {@code id}, a descendant, by
     * compare-and-swap, with a reflog entry; false when another writer moved or locked the ref first.
     */
    static boolean move(Repository repo, String ref, Optional<String> expected, ObjectId id, String message,
                        PersonIdent who) throws IOException {
        try (RevWalk walk = new RevWalk(repo)) {
            RefUpdate update = repo.updateRef(ref);
            update.setExpectedOldObjectId(expected.map(ObjectId::fromString).orElse(ObjectId.zeroId()));
            update.setNewObjectId(id);
            update.setRefLogIdent(who);
            update.setRefLogMessage("calico-gitops: " + message.lines().findFirst().orElse(""), false);
            // Bare repositories keep no reflog by default; the log branch's reflog is a local witness of its tips.
            update.setForceRefLog(true);
            RefUpdate.Result result = update.update(walk);
            return switch (result) {
                case NEW, FAST_FORWARD, NO_CHANGE -> true;
                // Another writer moved the ref since the caller read it: it must re-read and build again.
                case LOCK_FAILURE, REJECTED -> false;
                default -> throw new GitAccessException("update " + ref + " to " + id.name() + ": " + result);
            };
        }
    }

    static List<BranchCommit> history(Repository repo, ObjectId tip) throws IOException {
        List<BranchCommit> out = new ArrayList<>();
        try (RevWalk walk = new RevWalk(repo)) {
            walk.sort(RevSort.TOPO, true);
            walk.sort(RevSort.REVERSE, true);
            walk.markStart(walk.parseCommit(tip));
            for (RevCommit c : walk) {
                List<String> parents = new ArrayList<>();
                for (RevCommit p : c.getParents()) {
                    parents.add(p.name());
                }
                out.add(new BranchCommit(c.name(), parents, c.getCommitterIdent().getWhenAsInstant(),
                        c.getFullMessage(), changes(repo, walk, c)));
            }
        }
        return out;
    }

    private static SortedMap<String, FileChange.Type> changes(Repository repo, RevWalk walk, RevCommit c) throws IOException {
        SortedMap<String, FileChange.Type> out = new TreeMap<>();
        try (TreeWalk tw = new TreeWalk(repo)) {
            if (c.getParentCount() == 0) {
                tw.addTree(new EmptyTreeIterator());
            } else {
                tw.addTree(walk.parseCommit(c.getParent(0)).getTree());
            }
            tw.addTree(c.getTree());
            tw.setRecursive(true);
            tw.setFilter(TreeFilter.ANY_DIFF);
            while (tw.next()) {
                boolean before = tw.getRawMode(0) != 0;
                boolean after = tw.getRawMode(1) != 0;
                out.put(tw.getPathString(), !before ? FileChange.Type.ADDED
                        : !after ? FileChange.Type.REMOVED : FileChange.Type.MODIFIED);
            }
        }
        return out;
    }

    static List<RefMove> reflog(Repository repo, String ref) throws IOException {
        ReflogReader reader = repo.getRefDatabase().getReflogReader(ref);
        if (reader == null) {
            return List.of();
        }
        List<RefMove> out = new ArrayList<>();
        for (ReflogEntry e : reader.getReverseEntries()) {
            out.add(new RefMove(e.getOldId().name(), e.getNewId().name(), e.getWho().getWhenAsInstant(), e.getComment()));
        }
        Collections.reverse(out);
        return out;
    }
}
