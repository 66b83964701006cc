package io.calicogitops.driftlog;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calicogitops.git.GitRepo;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheEditor;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.PrivateKey;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What someone with write access to the repository could do to the log branch with plain Git, bypassing
 * {@link DriftLog}: commit edits and deletions, rebuild the history, merge, move the branch back.
 */
final class LogForgery {

    private static final PersonIdent MALLORY = new PersonIdent("Mallory", "mallory@example.com");

    private LogForgery() {
    }

    /** The entry at {@code path} on the branch tip, as JSON. */
    static ObjectNode entry(GitRepo repo, String path) {
        return LogEntryJson.parse(repo.readFile(repo.tip(DriftLog.BRANCH).orElseThrow(), path).orElseThrow());
    }

    /**
     * {@code entry} with seq and prev replaced and its hash recomputed: a forger who knows the format but not the key
     * (any signature is dropped).
     */
    static ObjectNode resealed(ObjectNode entry, long seq, String prev) {
        return resealed(entry, seq, prev, Optional.empty());
    }

    /** {@code entry} re-sealed as {@link #resealed(ObjectNode, long, String)}, signed with {@code key} if given. */
    static ObjectNode resealed(ObjectNode entry, long seq, String prev, Optional<PrivateKey> key) {
        ObjectNode body = entry.deepCopy();
        body.remove(List.of("seq", "prevSeq", "prev", "hash", "signature"));
        return LogEntryJson.seal(body, seq, prev, key);
    }

    /** {@code entry} as an entry recorded before {@code prevSeq} and signatures existed: those keys gone, hash redone. */
    static ObjectNode legacy(ObjectNode entry) {
        ObjectNode old = entry.deepCopy();
        old.remove(List.of("prevSeq", "signature", "hash"));
        old.put("hash", LogEntryJson.hashOf(old));
        return old;
    }

    static byte[] bytes(ObjectNode entry) {
        return LogEntryJson.fileBytes(entry);
    }

    /** One new commit on top of the tip that writes and deletes files (fast-forward, like a normal push). */
    static String commit(GitRepo repo, Map<String, byte[]> write, Set<String> delete) {
        Repository r = repo.repository();
        try (ObjectInserter ins = r.newObjectInserter(); RevWalk rw = new RevWalk(r)) {
            ObjectId tip = ObjectId.fromString(repo.tip(DriftLog.BRANCH).orElseThrow());
            DirCache dc = DirCache.read(r.newObjectReader(), rw.parseCommit(tip).getTree());
            DirCacheEditor ed = dc.editor();
            for (String path : delete) {
                ed.add(new DirCacheEditor.DeletePath(path));
            }
            for (Map.Entry<String, byte[]> w : write.entrySet()) {
                ObjectId blob = ins.insert(Constants.OBJ_BLOB, w.getValue());
                ed.add(new DirCacheEditor.PathEdit(w.getKey()) {
                    @Override
                    public void apply(DirCacheEntry ent) {
                        ent.setFileMode(FileMode.REGULAR_FILE);
                        ent.setObjectId(blob);
                    }
                });
            }
            ed.finish();
            ObjectId id = commit(ins, dc.writeTree(ins), List.of(tip), "fix up the log");
            move(r, id, false);
            return id.name();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces the branch with a new orphan history: one commit per step, each adding the step's files. */
    static String rewrite(GitRepo repo, List<SortedMap<String, byte[]>> steps) {
        Repository r = repo.repository();
        try (ObjectInserter ins = r.newObjectInserter()) {
            DirCache dc = DirCache.newInCore();
            ObjectId parent = null;
            for (SortedMap<String, byte[]> step : steps) {
                DirCacheEditor ed = dc.editor();
                for (Map.Entry<String, byte[]> w : step.entrySet()) {
                    ObjectId blob = ins.insert(Constants.OBJ_BLOB, w.getValue());
                    ed.add(new DirCacheEditor.PathEdit(w.getKey()) {
                        @Override
                        public void apply(DirCacheEntry ent) {
                            ent.setFileMode(FileMode.REGULAR_FILE);
                            ent.setObjectId(blob);
                        }
                    });
                }
                ed.finish();
                parent = commit(ins, dc.writeTree(ins), parent == null ? List.of() : List.of(parent), "audit");
            }
            move(r, parent, true);
            return parent.name();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A merge of the tip with a side commit made on the tip's parent that adds {@code file}. */
    static String mergeSideBranch(GitRepo repo, String path, byte[] file) {
        Repository r = repo.repository();
        try (ObjectInserter ins = r.newObjectInserter(); RevWalk rw = new RevWalk(r)) {
            var tip = rw.parseCommit(ObjectId.fromString(repo.tip(DriftLog.BRANCH).orElseThrow()));
            var base = tip.getParent(0);
            DirCache dc = DirCache.read(r.newObjectReader(), rw.parseCommit(base).getTree());
            ObjectId blob = ins.insert(Constants.OBJ_BLOB, file);
            DirCacheEditor ed = dc.editor();
            ed.add(new DirCacheEditor.PathEdit(path) {
                @Override
                public void apply(DirCacheEntry ent) {
                    ent.setFileMode(FileMode.REGULAR_FILE);
                    ent.setObjectId(blob);
                }
            });
            ed.finish();
            ObjectId side = commit(ins, dc.writeTree(ins), List.of(base), "side");
            DirCache merged = DirCache.read(r.newObjectReader(), tip.getTree());
            DirCacheEditor med = merged.editor();
            med.add(new DirCacheEditor.PathEdit(path) {
                @Override
                public void apply(DirCacheEntry ent) {
                    ent.setFileMode(FileMode.REGULAR_FILE);
                    ent.setObjectId(blob);
                }
            });
            med.finish();
            ObjectId id = commit(ins, merged.writeTree(ins), List.of(tip, side), "merge");
            move(r, id, false);
            return id.name();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Moves the branch back to an older commit, as {@code git push --force} of an old tip does. */
    static void reset(GitRepo repo, String commit) {
        try {
            move(repo.repository(), ObjectId.fromString(commit), true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectId commit(ObjectInserter ins, ObjectId tree, List<? extends ObjectId> parents, String message)
            throws IOException {
        CommitBuilder cb = new CommitBuilder();
        cb.setTreeId(tree);
        cb.setParentIds(parents.toArray(new ObjectId[0]));
        cb.setAuthor(MALLORY);
        cb.setCommitter(MALLORY);
        cb.setMessage(message);
        ObjectId id = ins.insert(cb);
        ins.flush();
        return id;
    }

    private static void move(Repository r, ObjectId to, boolean force) throws IOException {
        RefUpdate u = r.updateRef(DriftLog.BRANCH);
        u.setNewObjectId(to);
        u.setRefLogMessage(force ? "forced-update" : "commit: fix up", false);
        RefUpdate.Result result = force ? u.forceUpdate() : u.update();
        assertTrue(result == RefUpdate.Result.FAST_FORWARD || result == RefUpdate.Result.FORCED
                || result == RefUpdate.Result.NEW, "forgery could not move the branch: " + result);
    }
}
