package io.calicogitops.history;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.internal.storage.file.FileRepository;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A real Git repository written commit by commit straight into one pack with JGit (no work tree, no Git binary;
 * the objects can be read once the repository is closed): the state is a map of path to blob, edited with {@link #put} and {@link #remove}, then committed.
 * {@link #snapshot} and {@link #restore} give branches; {@link #merge} records a merge commit.
 */
final class ScriptedRepo implements AutoCloseable {

    /** A branch tip and its files. */
    record State(ObjectId head, Map<String, ObjectId> files) {
    }

    private final Path dir;
    private final Repository repo;
    private final ObjectInserter inserter;
    private Map<String, ObjectId> files = new TreeMap<>();
    private ObjectId head;

    ScriptedRepo(Path dir) {
        this.dir = dir;
        try {
            this.repo = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call().getRepository();
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
        // One pack for the whole history, as a clone has it: a loose file per object makes a long history slow to write.
        this.inserter = ((FileRepository) repo).getObjectDatabase().newPackInserter();
    }

    Path dir() {
        return dir;
    }

    ObjectId head() {
        return head;
    }

    ScriptedRepo put(String path, String text) {
        try {
            files.put(path, inserter.insert(Constants.OBJ_BLOB, text.getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    ScriptedRepo remove(String path) {
        if (files.remove(path) == null) {
            throw new IllegalArgumentException("no file " + path);
        }
        return this;
    }

    /** Commits the current files on main with the given author (also the committer) and commit time. */
    ObjectId commit(String message, String author, Instant time) {
        return write(message, author, time, head == null ? List.of() : List.of(head));
    }

    /** A merge of {@code other} into the current state (whose files must already be the merge result). */
    ObjectId merge(String message, String author, Instant time, ObjectId other) {
        return write(message, author, time, List.of(head, other));
    }

    State snapshot() {
        return new State(head, new TreeMap<>(files));
    }

    void restore(State s) {
        head = s.head();
        files = new TreeMap<>(s.files());
    }

    private ObjectId write(String message, String author, Instant time, List<ObjectId> parents) {
        try {
            DirCache index = DirCache.newInCore();
            DirCacheBuilder b = index.builder();
            for (Map.Entry<String, ObjectId> f : files.entrySet()) {
                DirCacheEntry e = new DirCacheEntry(f.getKey());
                e.setFileMode(FileMode.REGULAR_FILE);
                e.setObjectId(f.getValue());
                b.add(e);
            }
            b.finish();
            CommitBuilder c = new CommitBuilder();
            c.setTreeId(index.writeTree(inserter));
            PersonIdent who = new PersonIdent(author, author.toLowerCase().replace(' ', '.') + "@example.com", time, ZoneOffset.UTC);
            c.setAuthor(who);
            c.setCommitter(who);
            c.setMessage(message);
            c.setParentIds(new ArrayList<>(parents));
            head = inserter.insert(c);
            return head;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Points main at the last commit: once, at the end, as moving a ref per commit costs more than the commit. */
    @Override
    public void close() {
        try {
            inserter.flush();
            if (head != null) {
                RefUpdate ru = repo.updateRef("refs/heads/main");
                ru.setNewObjectId(head);
                ru.setForceUpdate(true);
                ru.update();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            inserter.close();
            repo.close();
        }
    }
}
