package io.calicogitops.git;

import io.calicogitops.diag.GitAccessException;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.Status;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.errors.RevWalkException;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.EmptyTreeIterator;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.AndTreeFilter;
import org.eclipse.jgit.treewalk.filter.PathFilter;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The only door to Git: open or create a repository, read a tree at a ref without a checkout, write a set of file
 * changes as one commit, and append to a branch that only grows (the drift log) without touching the checkout.
 * Every JGit failure becomes a {@link GitAccessException} that names the operation.
 */
public final class GitRepo implements AutoCloseable {

    private final Git git;
    private final Path workTree;
    private final AtomicLong blobsRead = new AtomicLong();

    private GitRepo(Git git) {
        this.git = git;
        this.workTree = git.getRepository().isBare() ? null : git.getRepository().getWorkTree().toPath();
    }

    /** Opens the repository at {@code dir}; creates one (branch main) when the folder is absent or empty. */
    public static GitRepo openOrInit(Path dir) {
        try {
            if (Files.isDirectory(dir.resolve(".git"))) {
                return open(dir);
            }
            boolean empty = !Files.exists(dir) || isEmptyDir(dir);
            if (!empty) {
                throw new GitAccessException("not a Git repository: " + dir
                        + " (run 'git init' there, or point --repo at an empty or new folder)");
            }
            Files.createDirectories(dir);
            return new GitRepo(Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call());
        } catch (IOException | GitAPIException e) {
            throw new GitAccessException("create repository " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Opens an existing repository (work tree or bare); refuses a folder that is not one. */
    public static GitRepo open(Path dir) {
        try {
            FileRepositoryBuilder b = new FileRepositoryBuilder().setMustExist(true);
            if (Files.isDirectory(dir.resolve(".git"))) {
                b.setWorkTree(dir.toFile()).setGitDir(dir.resolve(".git").toFile());
            } else if (Files.exists(dir.resolve("HEAD")) && Files.isDirectory(dir.resolve("objects"))) {
                b.setGitDir(dir.toFile());
            } else {
                throw new GitAccessException("not a Git repository: " + dir);
            }
            return new GitRepo(new Git(b.build()));
        } catch (IOException e) {
            throw new GitAccessException("open repository " + dir + ": " + e.getMessage(), e);
        }
    }

    public Path workTree() {
        return workTree;
    }

    public Repository repository() {
        return git.getRepository();
    }

    /** The commit a ref (branch, tag, id, {@code HEAD~2}) names, or empty when it does not resolve (e.g. no commit yet). */
    public Optional<ObjectId> resolve(String ref) {
        try {
            ObjectId id = git.getRepository().resolve(ref + "^{commit}");
            return Optional.ofNullable(id);
        } catch (IOException e) {
            throw new GitAccessException("resolve '" + ref + "': " + e.getMessage(), e);
        }
    }

    /** The full id of the commit a ref names, or empty; for callers outside this package, which never see JGit types. */
    public Optional<String> commitId(String ref) {
        return resolve(ref).map(ObjectId::name);
    }

    /**
     * The newest commit on the first-parent line from {@code start} (a full id) whose committer time is at or before
     * {@code until}: the commit a branch was at then, as {@link #walkPaths} sees its history. Empty when none is.
     */
    public Optional<String> lastCommitAtOrBefore(String start, Instant until) {
        try (RevWalk rw = new RevWalk(git.getRepository())) {
            rw.setFirstParent(true);
            rw.markStart(rw.parseCommit(ObjectId.fromString(start)));
            for (RevCommit c : rw) {
                if (!Instant.ofEpochSecond(c.getCommitTime()).isAfter(until)) {
                    return Optional.of(c.name());
                }
            }
            return Optional.empty();
        } catch (IOException | RevWalkException | IllegalArgumentException e) {
            throw new GitAccessException("find the last commit at or before " + until + " from " + start + ": " + e.getMessage(), e);
        }
    }

    /** The URL of a remote as configured ({@code remote.<name>.url}), credentials and all; empty when there is none. */
    public Optional<String> remoteUrl(String name) {
        return Optional.ofNullable(git.getRepository().getConfig().getString("remote", name, "url"));
    }

    /** {@link #readTree(ObjectId, String)} by commit id. */
    public SortedMap<String, byte[]> readTree(String commitId, String prefix) {
        return readTree(ObjectId.fromString(commitId), prefix);
    }

    /** Every file under {@code prefix} (a folder path, no trailing slash) at the commit, read from the object database. */
    public SortedMap<String, byte[]> readTree(ObjectId commit, String prefix) {
        SortedMap<String, byte[]> out = new TreeMap<>();
        try (RevWalk rw = new RevWalk(git.getRepository()); TreeWalk tw = new TreeWalk(git.getRepository())) {
            RevCommit c = rw.parseCommit(commit);
            tw.addTree(c.getTree());
            tw.setRecursive(true);
            if (!prefix.isEmpty()) {
                tw.setFilter(PathFilter.create(prefix));
            }
            while (tw.next()) {
                ObjectLoader loader = git.getRepository().open(tw.getObjectId(0), Constants.OBJ_BLOB);
                blobsRead.incrementAndGet();
                out.put(tw.getPathString(), loader.getBytes());
            }
            return out;
        } catch (IOException e) {
            throw new GitAccessException("read " + prefix + " at " + commit.name() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Streams the commits reachable from the commit {@code start} (a full id) along first parents, newest first, whose files under
     * {@code prefix} (a folder path, no trailing slash) differ from their first parent's, committed (committer time)
     * within {@code [since, until]} (either may be null). Each comes with the files it changed there; no blob is read.
     * A commit's tree is compared with its parent's level by level, so a commit that did not touch {@code prefix}
     * costs two root-tree reads. Side branches of a merge are not walked: the merge shows what it brought in. Like
     * {@code git log --since}, the walk stops at the first commit older than {@code since}.
     */
    public void walkPaths(String start, String prefix, Instant since, Instant until, Consumer<PathCommit> visitor) {
        TreeFilter filter = AndTreeFilter.create(PathFilter.create(prefix), TreeFilter.ANY_DIFF);
        try (RevWalk rw = new RevWalk(git.getRepository()); TreeWalk tw = new TreeWalk(rw.getObjectReader())) {
            rw.setFirstParent(true);
            rw.markStart(rw.parseCommit(ObjectId.fromString(start)));
            for (RevCommit c : rw) {
                Instant time = Instant.ofEpochSecond(c.getCommitTime());
                if (until != null && time.isAfter(until)) {
                    continue;
                }
                if (since != null && time.isBefore(since)) {
                    break;
                }
                List<PathChange> changes = changedPaths(rw, tw, c, filter);
                if (!changes.isEmpty()) {
                    visitor.accept(pathCommit(c, time, changes));
                }
            }
        } catch (IOException | RevWalkException | IllegalArgumentException e) {
            throw new GitAccessException("walk " + prefix + " from " + start + ": " + e.getMessage(), e);
        }
    }

    /** The files under the filter's prefix that differ between {@code c} and its first parent (all of them for a root commit). */
    private static List<PathChange> changedPaths(RevWalk rw, TreeWalk tw, RevCommit c, TreeFilter filter) throws IOException {
        tw.reset();
        tw.setRecursive(true);
        tw.setFilter(filter);
        if (c.getParentCount() == 0) {
            tw.addTree(new EmptyTreeIterator());
        } else {
            tw.addTree(rw.parseCommit(c.getParent(0)).getTree());
        }
        tw.addTree(c.getTree());
        List<PathChange> out = new ArrayList<>();
        while (tw.next()) {
            boolean before = isFile(tw.getRawMode(0));
            boolean after = isFile(tw.getRawMode(1));
            if (!before && !after) {
                continue;
            }
            String oldBlob = before ? tw.getObjectId(0).name() : null;
            String newBlob = after ? tw.getObjectId(1).name() : null;
            FileChange.Type type = !before ? FileChange.Type.ADDED : !after ? FileChange.Type.REMOVED : FileChange.Type.MODIFIED;
            out.add(new PathChange(tw.getPathString(), type, oldBlob, newBlob));
        }
        return out;
    }

    /** Regular files and symlinks carry blobs; trees and submodule links do not. */
    private static boolean isFile(int rawMode) {
        return (rawMode & FileMode.TYPE_MASK) == FileMode.TYPE_FILE || (rawMode & FileMode.TYPE_MASK) == FileMode.TYPE_SYMLINK;
    }

    private static PathCommit pathCommit(RevCommit c, Instant time, List<PathChange> changes) {
        PersonIdent author = c.getAuthorIdent();
        PersonIdent committer = c.getCommitterIdent();
        List<String> parents = new ArrayList<>();
        for (RevCommit p : c.getParents()) {
            parents.add(p.name());
        }
        return new PathCommit(c.name(), parents, author.getName(), author.getEmailAddress(), author.getWhenAsInstant(),
                committer.getName(), committer.getEmailAddress(), time, c.getFullMessage(), changes);
    }

    /** The bytes of one blob, by id. */
    public byte[] readBlob(String blobId) {
        try {
            byte[] bytes = git.getRepository().open(ObjectId.fromString(blobId), Constants.OBJ_BLOB).getBytes();
            blobsRead.incrementAndGet();
            return bytes;
        } catch (IOException | IllegalArgumentException e) {
            throw new GitAccessException("read blob " + blobId + ": " + e.getMessage(), e);
        }
    }

    /** How many blobs this instance has read ({@link #readTree}, {@link #readBlob}): lets tests prove a walk stays lazy. */
    public long blobsRead() {
        return blobsRead.get();
    }

    /** Paths under {@code prefix} whose work-tree copy differs from HEAD or the index (user edits not yet committed). */
    public Set<String> uncommitted(String prefix) {
        try {
            Status s = git.status().addPath(prefix).call();
            return Stream.of(s.getModified(), s.getChanged(), s.getAdded(), s.getRemoved(), s.getMissing())
                    .flatMap(Set::stream).collect(Collectors.toCollection(java.util.TreeSet::new));
        } catch (GitAPIException | RuntimeException e) {
            throw new GitAccessException("status of " + prefix + ": " + e.getMessage(), e);
        }
    }

    /** Paths staged in the index (anywhere) that are not among {@code ours}: committing now would sweep them in. */
    public Set<String> stagedOutside(Set<String> ours) {
        try {
            Status s = git.status().call();
            return Stream.of(s.getChanged(), s.getAdded(), s.getRemoved()).flatMap(Set::stream)
                    .filter(p -> !ours.contains(p)).collect(Collectors.toCollection(java.util.TreeSet::new));
        } catch (GitAPIException | RuntimeException e) {
            throw new GitAccessException("status: " + e.getMessage(), e);
        }
    }

    /** Writes the changes to the work tree and commits them as one commit; no commit when the list is empty. */
    public CommitResult commit(List<FileChange> changes, String message, PersonIdent who) {
        if (changes.isEmpty()) {
            return new CommitResult(Optional.empty(), changes);
        }
        try {
            for (FileChange c : changes) {
                Path file = workTree.resolve(c.path());
                if (c.type() == FileChange.Type.REMOVED) {
                    Files.deleteIfExists(file);
                    deleteEmptyParents(file);
                } else {
                    Files.createDirectories(file.getParent());
                    // Not Files.createTempFile: it makes the file owner-only (0600), whereas git checks files out
                    // with the user's umask, and kubectl or a sync agent running as another user must read them.
                    Path tmp = file.resolveSibling("." + file.getFileName() + ".calico-gitops.tmp");
                    Files.deleteIfExists(tmp);
                    Files.write(tmp, c.after());
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                }
            }
            var add = git.add();
            var rm = git.rm().setCached(true);
            boolean anyAdd = false;
            boolean anyRm = false;
            for (FileChange c : changes) {
                if (c.type() == FileChange.Type.REMOVED) {
                    rm.addFilepattern(c.path());
                    anyRm = true;
                } else {
                    add.addFilepattern(c.path());
                    anyAdd = true;
                }
            }
            if (anyAdd) {
                add.call();
            }
            if (anyRm) {
                rm.call();
            }
            RevCommit commit = git.commit().setMessage(message).setAuthor(who).setCommitter(who).setSign(false).call();
            return new CommitResult(Optional.of(commit.getId().name()), changes);
        } catch (IOException | GitAPIException | RuntimeException e) {
            throw new GitAccessException("commit in " + workTree + ": " + e.getMessage(), e);
        }
    }

    /** The commit a full ref name ({@code refs/heads/x}) points at now, read afresh; empty when the ref does not exist. */
    public Optional<String> tip(String fullRef) {
        try {
            Ref ref = git.getRepository().getRefDatabase().exactRef(fullRef);
            return ref == null || ref.getObjectId() == null ? Optional.empty() : Optional.of(ref.getObjectId().name());
        } catch (IOException e) {
            throw new GitAccessException("read " + fullRef + ": " + e.getMessage(), e);
        }
    }

    /** The paths of the files under {@code prefix} (a folder, no trailing slash) at a commit, sorted; no content is read. */
    public List<String> listFiles(String commit, String prefix) {
        List<String> out = new ArrayList<>();
        walkFiles(commit, prefix, (path, id) -> out.add(path));
        return out;
    }

    /** One file's content at a commit, or empty when the commit has no such file. */
    public Optional<byte[]> readFile(String commit, String path) {
        try (RevWalk rw = new RevWalk(git.getRepository())) {
            RevCommit c = rw.parseCommit(ObjectId.fromString(commit));
            try (TreeWalk tw = TreeWalk.forPath(git.getRepository(), path, c.getTree())) {
                return tw == null ? Optional.empty()
                        : Optional.of(git.getRepository().open(tw.getObjectId(0), Constants.OBJ_BLOB).getBytes());
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new GitAccessException("read " + path + " at " + commit + ": " + e.getMessage(), e);
        }
    }

    /** Hands each file under {@code prefix} at a commit to {@code visitor} in path order, holding one content at a time. */
    public void forEachFile(String commit, String prefix, BiConsumer<String, byte[]> visitor) {
        walkFiles(commit, prefix, (path, id) -> {
            try {
                visitor.accept(path, git.getRepository().open(id, Constants.OBJ_BLOB).getBytes());
            } catch (IOException e) {
                throw new GitAccessException("read " + path + " at " + commit + ": " + e.getMessage(), e);
            }
        });
    }

    private void walkFiles(String commit, String prefix, BiConsumer<String, ObjectId> visitor) {
        try (RevWalk rw = new RevWalk(git.getRepository()); TreeWalk tw = new TreeWalk(git.getRepository())) {
            tw.addTree(rw.parseCommit(ObjectId.fromString(commit)).getTree());
            tw.setRecursive(true);
            if (!prefix.isEmpty()) {
                tw.setFilter(PathFilter.create(prefix));
            }
            while (tw.next()) {
                visitor.accept(tw.getPathString(), tw.getObjectId(0));
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new GitAccessException("list " + prefix + " at " + commit + ": " + e.getMessage(), e);
        }
    }

    /**
     * Adds one commit to {@code ref} without touching HEAD, the index or the work tree: its tree is {@code parent}'s
     * plus {@code files} (an orphan commit holding only {@code files} when {@code parent} is empty), and the ref moves
     * only if it still points at {@code parent} (compare-and-swap). A path that already exists is never overwritten.
     *
     * @return the new commit, or empty when another writer moved the ref first: re-read {@link #tip} and try again
     */
    public Optional<String> appendCommit(String ref, Optional<String> parent, SortedMap<String, byte[]> files,
                                         String message, Instant when) {
        try {
            PersonIdent who = new PersonIdent(identity(), when, ZoneOffset.UTC);
            return AppendOnlyBranch.append(git.getRepository(), ref, parent, files, message, who);
        } catch (IOException | IllegalArgumentException e) {
            throw new GitAccessException("append to " + ref + ": " + e.getMessage(), e);
        }
    }

    /** Every commit reachable from {@code ref}, parents before children; empty when the ref does not exist. */
    public List<BranchCommit> history(String ref) {
        try {
            Optional<String> tip = tip(ref);
            return tip.isEmpty() ? List.of() : AppendOnlyBranch.history(git.getRepository(), ObjectId.fromString(tip.get()));
        } catch (IOException e) {
            throw new GitAccessException("walk the history of " + ref + ": " + e.getMessage(), e);
        }
    }

    /** Where {@code ref} pointed over time in this repository, oldest first; empty when Git kept no reflog for it. */
    public List<RefMove> reflog(String ref) {
        try {
            return AppendOnlyBranch.reflog(git.getRepository(), ref);
        } catch (IOException e) {
            throw new GitAccessException("read the reflog of " + ref + ": " + e.getMessage(), e);
        }
    }

    /** The identity for commits: the repository's (or user's) Git config, else {@code calico-gitops}. */
    public PersonIdent identity() {
        var config = git.getRepository().getConfig();
        String name = config.getString("user", null, "name");
        String email = config.getString("user", null, "email");
        return new PersonIdent(name == null ? "calico-gitops" : name, email == null ? "calico-gitops@localhost" : email);
    }

    /** Like {@code git rm}: a folder emptied by removing its last file goes too (a user file keeps it). */
    private void deleteEmptyParents(Path file) throws IOException {
        for (Path dir = file.getParent(); dir != null && dir.startsWith(workTree) && !dir.equals(workTree)
                && Files.isDirectory(dir) && isEmptyDir(dir); dir = dir.getParent()) {
            Files.delete(dir);
        }
    }

    private static boolean isEmptyDir(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        }
    }

    @Override
    public void close() {
        git.getRepository().close();
        git.close();
    }
}
