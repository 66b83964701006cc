package io.calicogitops.git;

import io.calicogitops.diag.GitAccessException;
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

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Writes a change set to the work tree and commits exactly those paths, holding the index lock throughout: the index
 * is edited in place (no {@code git add} that would take the lock again), the branch HEAD points at moves only if it
 * is still where the caller planned from, and on any failure the work tree files are put back as they were.
 */
final class LockedCommit {

    private LockedCommit() {
    }

    static String commit(Repository repo, Path workTree, IndexLock lock, List<FileChange> changes, String message,
                         PersonIdent who) throws IOException {
        String branch = repo.getFullBranch();
        if (branch == null || !branch.startsWith(Constants.R_REFS)) {
            throw new GitAccessException("HEAD is detached at " + (branch == null ? "nothing" : branch.substring(0, Math.min(12, branch.length())))
                    + " in " + workTree + ": nothing was written"
                    + "\n    hint: check out a branch first (git switch main); a commit on a detached HEAD is easily lost");
        }
        ObjectId head = repo.resolve(Constants.HEAD);
        List<FileChange> written = new ArrayList<>();
        // A fleet's folders repeat most files: each distinct content is hashed and looked up in the object store once
        // (a blob's id is a function of its bytes alone, as git hash-object says), each folder made once.
        Map<Content, ObjectId> blobs = new HashMap<>();
        Set<Path> folders = new HashSet<>();
        boolean done = false;
        try (ObjectInserter inserter = repo.newObjectInserter()) {
            DirCache index = lock.index();
            DirCacheEditor editor = index.editor();
            for (FileChange c : changes) {
                Path file = workTree.resolve(c.path());
                written.add(c);
                if (c.type() == FileChange.Type.REMOVED) {
                    Files.deleteIfExists(file);
                    deleteEmptyParents(workTree, file);
                    folders.clear();
                    editor.add(new DirCacheEditor.DeletePath(c.path()));
                } else {
                    if (folders.add(file.getParent())) {
                        Files.createDirectories(file.getParent());
                    }
                    replace(file, c.after());
                    ObjectId id = blob(inserter, blobs, c.after());
                    long length = c.after().length;
                    var modified = Files.getLastModifiedTime(file).toInstant();
                    editor.add(new DirCacheEditor.PathEdit(c.path()) {
                        @Override
                        public void apply(DirCacheEntry entry) {
                            entry.setFileMode(FileMode.REGULAR_FILE);
                            entry.setObjectId(id);
                            entry.setLength(length);
                            entry.setLastModified(modified);
                        }
                    });
                }
            }
            editor.finish();
            CommitBuilder commit = new CommitBuilder();
            commit.setTreeId(index.writeTree(inserter));
            if (head != null) {
                commit.setParentId(head);
            }
            commit.setAuthor(who);
            commit.setCommitter(who);
            commit.setMessage(message);
            ObjectId id = inserter.insert(commit);
            inserter.flush();

            RefUpdate update = repo.updateRef(Constants.HEAD);
            update.setExpectedOldObjectId(head == null ? ObjectId.zeroId() : head);
            update.setNewObjectId(id);
            update.setRefLogIdent(who);
            update.setRefLogMessage("commit" + (head == null ? " (initial)" : "") + ": "
                    + message.lines().findFirst().orElse(""), false);
            RefUpdate.Result result = update.update();
            if (result != RefUpdate.Result.NEW && result != RefUpdate.Result.FAST_FORWARD) {
                throw new GitAccessException("update " + branch + " to the render commit: " + result
                        + (result == RefUpdate.Result.LOCK_FAILURE ? " (another process moved or locked the branch)" : "")
                        + "; nothing was written");
            }
            lock.commitIndex();
            done = true;
            return id.name();
        } finally {
            if (!done) {
                restore(workTree, written);
            }
        }
    }

    /** The blob id of {@code bytes}, inserted the first time these bytes come by in this commit. */
    private static ObjectId blob(ObjectInserter inserter, Map<Content, ObjectId> known, byte[] bytes) throws IOException {
        Content content = new Content(bytes);
        ObjectId id = known.get(content);
        if (id == null) {
            id = inserter.insert(Constants.OBJ_BLOB, bytes);
            known.put(content, id);
        }
        return id;
    }

    /** File bytes as a map key: equal when the bytes are. */
    private record Content(byte[] bytes) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Content c && Arrays.equals(bytes, c.bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes);
        }
    }

    /** Puts the files of a failed commit back as the plan found them. */
    private static void restore(Path workTree, List<FileChange> written) {
        for (FileChange c : written) {
            Path file = workTree.resolve(c.path());
            try {
                if (c.before() == null) {
                    Files.deleteIfExists(file);
                    deleteEmptyParents(workTree, file);
                } else {
                    writeAtomically(file, c.before());
                }
            } catch (IOException ignored) {
                // Best effort: the failure that brought us here is the one to report.
            }
        }
    }

    static void writeAtomically(Path file, byte[] bytes) throws IOException {
        Files.createDirectories(file.getParent());
        replace(file, bytes);
    }

    /** Writes {@code file} (its folder exists) through a sibling and a rename, so no reader sees half a file. */
    private static void replace(Path file, byte[] bytes) throws IOException {
        // Not Files.createTempFile: it makes the file owner-only (0600), whereas git checks files out
        // with the user's umask, and kubectl or a sync agent running as another user must read them.
        Path tmp = file.resolveSibling(tmpName(file.getFileName().toString()));
        Files.deleteIfExists(tmp);
        Files.write(tmp, bytes);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * The sibling a file is first written to. A name near the 255-byte limit of a file name (ext4, XFS, APFS, NTFS)
     * has no room for the suffix; it gets a short name made from its hash, so any name that fits can be written.
     */
    static String tmpName(String fileName) {
        String plain = "." + fileName + ".calico-gitops.tmp";
        if (plain.getBytes(StandardCharsets.UTF_8).length <= 255) {
            return plain;
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(fileName.getBytes(StandardCharsets.UTF_8));
            return ".calico-gitops-" + HexFormat.of().formatHex(hash, 0, 8) + ".tmp";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** Like {@code git rm}: a folder emptied by removing its last file goes too (a user file keeps it). */
    static void deleteEmptyParents(Path workTree, Path file) throws IOException {
        for (Path dir = file.getParent(); dir != null && dir.startsWith(workTree) && !dir.equals(workTree)
                && Files.isDirectory(dir) && isEmptyDir(dir); dir = dir.getParent()) {
            Files.delete(dir);
        }
    }

    static boolean isEmptyDir(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        }
    }
}
