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
import java.time.Duration;
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
    private final AtomicLong statusWalks = new AtomicLong();

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
        // One object reader for the walk and every blob (Repository.open makes a reader, with its caches, per call).
        try (RevWalk rw = new RevWalk(git.getRepository()); TreeWalk tw = new TreeWalk(rw.getObjectReader())) {
            RevCommit c = rw.parseCommit(commit);
            tw.addTree(c.getTree());
            tw.setRecursive(true);
            if (!prefix.isEmpty()) {
                tw.setFilter(PathFilter.create(prefix));
            }
            while (tw.next()) {
                ObjectLoader loader = rw.getObjectReader().open(tw.getObjectId(0), Constants.OBJ_BLOB);
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
        walkFirstParent(start, prefix, new FirstParentVisitor() {
            @Override
            public Action before(String id, Instant commitTime) {
                if (until != null && commitTime.isAfter(until)) {
                    return Action.SKIP;
                }
                return since != null && commitTime.isBefore(since) ? Action.STOP : Action.COMPARE;
            }

            @Override
            public void compared(String id, Instant commitTime, PathCommit changed) {
                if (changed != null) {
                    visitor.accept(changed);
                }
            }
        });
    }

    /**
     * Walks the commits reachable from the commit {@code start} (a full id) along first parents, newest first, as
     * {@link #walkPaths} does, but lets the visitor decide per commit whether its tree is compared with its parent's
     * under {@code prefix} (a folder path, no trailing slash), and where the walk ends: a caller that keeps what an
     * earlier walk found stops where that knowledge begins.
     */
    public void walkFirstParent(String start, String prefix, FirstParentVisitor visitor) {
        TreeFilter filter = AndTreeFilter.create(PathFilter.create(prefix), TreeFilter.ANY_DIFF);
        try (RevWalk rw = new RevWalk(git.getRepository()); TreeWalk tw = new TreeWalk(rw.getObjectReader())) {
            rw.setFirstParent(true);
            // Bodies are needed for the commit time; a walk that stops early parses no more than it visits.
            rw.markStart(rw.parseCommit(ObjectId.fromString(start)));
            for (RevCommit c : rw) {
                Instant time = Instant.ofEpochSecond(c.getCommitTime());
                FirstParentVisitor.Action action = visitor.before(c.name(), time);
                if (action == FirstParentVisitor.Action.STOP) {
                    return;
                }
                if (action == FirstParentVisitor.Action.SKIP) {
                    continue;
                }
                List<PathChange> changes = changedPaths(rw, tw, c, filter);
                visitor.compared(c.name(), time, changes.isEmpty() ? null : pathCommit(c, time, changes));
            }
        } catch (IOException | RevWalkException | IllegalArgumentException e) {
            throw new GitAccessException("walk " + prefix + " from " + start + ": " + e.getMessage(), e);
        }
    }

    /** The repository's own folder ({@code .git}, or the repository itself when bare): where a tool may keep caches. */
    public Path gitDirectory() {
        return git.getRepository().getDirectory().toPath();
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

    /** How many status walks {@link #uncommitted(java.util.Collection)} made (each reads the index and hashes files). */
    public long statusWalks() {
        return statusWalks.get();
    }

    /**
     * Paths under {@code paths} whose work-tree copy differs from HEAD or the index (user edits not yet committed), in
     * one status walk: each walk reads the whole index and hashes work-tree files, so one walk per cluster folder made
     * a render of N clusters cost N full walks. No paths: no walk.
     */
    public Set<String> uncommitted(java.util.Collection<String> paths) {
        if (paths.isEmpty()) {
            return new java.util.TreeSet<>();
        }
        String prefix = paths.size() == 1 ? paths.iterator().next() : paths.size() + " paths";
        try {
            org.eclipse.jgit.api.StatusCommand status = git.status();
            paths.forEach(status::addPath);
            statusWalks.incrementAndGet();
            Status s = status.call();
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

    /** How long {@link #commit(List, String, PersonIdent)} waits for another writer's index lock. */
    public static final Duration INDEX_LOCK_WAIT = Duration.ofSeconds(30);

    /**
     * Takes the index lock ({@code .git/index.lock}) for a plan-then-commit: other renders and {@code git} commands
     * wait or fail meanwhile. Waits at most {@code wait} for a lock someone else holds.
     *
     * @throws GitAccessException when the lock stays taken (names the lock file and what to do)
     */
    public IndexLock lockIndex(Duration wait) {
        if (workTree == null) {
            throw new GitAccessException(git.getRepository().getDirectory() + " is a bare repository: renders need a work tree");
        }
        return IndexLock.acquire(git.getRepository(), wait);
    }

    /** The branch HEAD is on ({@code refs/heads/main}), also before its first commit; empty when HEAD is detached. */
    public Optional<String> currentBranch() {
        try {
            String full = git.getRepository().getFullBranch();
            return full != null && full.startsWith(Constants.R_REFS) ? Optional.of(full) : Optional.empty();
        } catch (IOException e) {
            throw new GitAccessException("read HEAD: " + e.getMessage(), e);
        }
    }

    /** {@link #commit(IndexLock, List, String, PersonIdent)} under an index lock taken (waiting up to {@link #INDEX_LOCK_WAIT}) and released here. */
    public CommitResult commit(List<FileChange> changes, String message, PersonIdent who) {
        if (changes.isEmpty()) {
            return new CommitResult(Optional.empty(), changes);
        }
        try (IndexLock lock = lockIndex(INDEX_LOCK_WAIT)) {
            return commit(lock, changes, message, who);
        }
    }

    /**
     * Writes the changes to the work tree and commits exactly them as one commit on the branch HEAD is on; no commit
     * when the list is empty. Refuses a detached HEAD. On failure the work tree is put back and nothing is committed.
     */
    public CommitResult commit(IndexLock lock, List<FileChange> changes, String message, PersonIdent who) {
        if (changes.isEmpty()) {
            return new CommitResult(Optional.empty(), changes);
        }
        try {
            return new CommitResult(Optional.of(LockedCommit.commit(git.getRepository(), workTree, lock, changes, message, who)),
                    changes);
        } catch (IOException | RuntimeException e) {
            if (e instanceof GitAccessException g) {
                throw g;
            }
            throw new GitAccessException("commit in " + workTree + ": " + e.getMessage() + "; nothing was written", e);
        }
    }

    /** Whether commit {@code ancestor} is {@code descendant} or one of its ancestors (both full ids). */
    public boolean isAncestor(String ancestor, String descendant) {
        try (RevWalk rw = new RevWalk(git.getRepository())) {
            return rw.isMergedInto(rw.parseCommit(ObjectId.fromString(ancestor)), rw.parseCommit(ObjectId.fromString(descendant)));
        } catch (IOException | IllegalArgumentException e) {
            throw new GitAccessException("compare " + ancestor + " with " + descendant + ": " + e.getMessage(), e);
        }
    }

    /**
     * Fetches {@code branch} (full ref) of {@code remote} into {@code tracking} and returns the commit it points at;
     * empty when the remote has no such branch. Credentials, when given, are used for HTTPS and never shown.
     */
    public Optional<String> fetch(String remote, String branch, String tracking, Optional<GitCredentials> credentials) {
        return new Remotes(git, credentials).fetch(remote, branch, tracking);
    }

    /**
     * Pushes {@code source} (a ref or commit id) to {@code remoteRef} of {@code remote} without forcing; a remote that
     * has commits the push lacks answers {@link PushResult.Status#REJECTED_NON_FAST_FORWARD}.
     *
     * @throws GitAccessException for every other failure (no such remote, unreachable, refused), with credentials masked
     */
    public PushResult push(String remote, String source, String remoteRef, Optional<GitCredentials> credentials) {
        return new Remotes(git, credentials).push(remote, source, remoteRef);
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

    /**
     * The commit {@link #appendCommit} would add on top of {@code parent}, written to the object database without
     * moving any ref (e.g. to push it first); move a ref to it with {@link #advance}.
     */
    public String buildAppendCommit(String ref, Optional<String> parent, SortedMap<String, byte[]> files,
                                    String message, Instant when) {
        try {
            PersonIdent who = new PersonIdent(identity(), when, ZoneOffset.UTC);
            return AppendOnlyBranch.build(git.getRepository(), ref, parent, files, message, who).name();
        } catch (IOException | IllegalArgumentException e) {
            throw new GitAccessException("build a commit for " + ref + ": " + e.getMessage(), e);
        }
    }

    /**
     * Moves {@code ref} from {@code expected} (empty: the ref must not exist yet) to {@code commit} by compare-and-swap;
     * false when another writer moved it first. The caller makes sure {@code commit} descends from {@code expected}.
     */
    public boolean advance(String ref, Optional<String> expected, String commit, String message, Instant when) {
        try {
            PersonIdent who = new PersonIdent(identity(), when, ZoneOffset.UTC);
            return AppendOnlyBranch.move(git.getRepository(), ref, expected, ObjectId.fromString(commit), message, who);
        } catch (IOException | IllegalArgumentException e) {
            throw new GitAccessException("update " + ref + ": " + e.getMessage(), e);
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
