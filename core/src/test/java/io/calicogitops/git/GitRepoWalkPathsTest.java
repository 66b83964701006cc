package io.calicogitops.git;

import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.revwalk.RevWalk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link GitRepo#walkPaths}: which commits it finds, what they changed under the prefix, and that it reads no blob. */
class GitRepoWalkPathsTest {

    private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");

    @TempDir
    Path tmp;

    private static PersonIdent at(int minutes) {
        return new PersonIdent("Alice", "alice@example.com", T0.plusSeconds(60L * minutes), ZoneOffset.UTC);
    }

    private static FileChange write(String path, String text) {
        return new FileChange(path, FileChange.Type.ADDED, null, text.getBytes(StandardCharsets.UTF_8));
    }

    private static FileChange delete(String path) {
        return new FileChange(path, FileChange.Type.REMOVED, null, null);
    }

    private static List<PathCommit> walk(GitRepo git, String prefix, Instant since, Instant until) {
        List<PathCommit> out = new ArrayList<>();
        git.walkPaths(git.commitId("HEAD").orElseThrow(), prefix, since, until, out::add);
        return out;
    }

    private static List<String> describe(PathCommit c) {
        return c.changes().stream().map(ch -> ch.type().letter() + " " + ch.path()).toList();
    }

    @Test
    void walkPaths_findsOnlyCommitsThatChangedTheFolderNewestFirstWithWhatChanged() {
        try (GitRepo git = GitRepo.openOrInit(tmp)) {
            git.commit(List.of(write("clusters/a/x.yaml", "1"), write("clusters/ab/x.yaml", "1"), write("README.md", "r")), "one", at(0));
            git.commit(List.of(write("clusters/ab/x.yaml", "2")), "other folder with the same start", at(1));
            git.commit(List.of(write("clusters/a/x.yaml", "2"), write("clusters/a/y.yaml", "1")), "two", at(2));
            git.commit(List.of(write("README.md", "s")), "outside", at(3));
            git.commit(List.of(delete("clusters/a/y.yaml")), "three", at(4));

            List<PathCommit> commits = walk(git, "clusters/a", null, null);

            assertEquals(List.of("three", "two", "one"), commits.stream().map(PathCommit::message).toList());
            assertEquals(List.of("D clusters/a/y.yaml"), describe(commits.get(0)));
            assertEquals(List.of("M clusters/a/x.yaml", "A clusters/a/y.yaml"), describe(commits.get(1)));
            assertEquals(List.of("A clusters/a/x.yaml"), describe(commits.get(2)), "a root commit is compared with nothing");
            assertEquals(List.of(), commits.get(2).parents());
            PathCommit two = commits.get(1);
            assertEquals("Alice", two.authorName());
            assertEquals(T0.plusSeconds(120), two.commitTime());
            assertEquals(0, git.blobsRead(), "the walk reads no blob");
            assertArrayEquals("2".getBytes(StandardCharsets.UTF_8), git.readBlob(two.changes().get(0).newBlob()));
            assertEquals(1, git.blobsRead());
        }
    }

    @Test
    void walkPaths_intervalIsInclusiveAtBothEnds() {
        try (GitRepo git = GitRepo.openOrInit(tmp)) {
            for (int i = 0; i < 5; i++) {
                git.commit(List.of(write("clusters/a/x.yaml", "v" + i)), "c" + i, at(i));
            }
            List<PathCommit> commits = walk(git, "clusters/a", T0.plusSeconds(60), T0.plusSeconds(180));
            assertEquals(List.of("c3", "c2", "c1"), commits.stream().map(PathCommit::message).toList());
            assertEquals(List.of("c4"), walk(git, "clusters/a", T0.plusSeconds(181), null).stream().map(PathCommit::message).toList());
        }
    }

    @Test
    void walkPaths_mergeShowsWhatItBroughtInOverItsFirstParentAndSkipsTheSideBranch() throws Exception {
        try (GitRepo git = GitRepo.openOrInit(tmp)) {
            ObjectId base = ObjectId.fromString(git.commit(List.of(write("clusters/a/x.yaml", "1")), "base", at(0)).commitId().orElseThrow());
            ObjectId side = ObjectId.fromString(git.commit(List.of(write("clusters/a/y.yaml", "1")), "side", at(1)).commitId().orElseThrow());
            reset(git, base);
            ObjectId main = ObjectId.fromString(git.commit(List.of(delete("clusters/a/y.yaml"), write("docs.md", "d")),
                    "main", at(2)).commitId().orElseThrow());
            ObjectId withBoth = ObjectId.fromString(git.commit(List.of(write("clusters/a/y.yaml", "1")), "tree of the merge", at(3))
                    .commitId().orElseThrow());
            ObjectId merge = mergeCommit(git, withBoth, main, side, at(4));

            List<PathCommit> commits = new ArrayList<>();
            git.walkPaths(merge.name(), "clusters/a", null, null, commits::add);

            assertEquals(List.of("merge", "base"), commits.stream().map(PathCommit::message).toList());
            assertTrue(commits.get(0).isMerge());
            assertEquals(List.of(main.name(), side.name()), commits.get(0).parents());
            assertEquals(List.of("A clusters/a/y.yaml"), describe(commits.get(0)));
        }
    }

    /** Points main at {@code to} (the work tree stays as it is: GitRepo.commit writes the files it commits). */
    private static void reset(GitRepo git, ObjectId to) throws Exception {
        RefUpdate ru = git.repository().updateRef("refs/heads/main");
        ru.setNewObjectId(to);
        ru.setForceUpdate(true);
        ru.update();
    }

    /** A merge commit with the tree of {@code treeOf} and the two parents, made the tip of main. */
    private static ObjectId mergeCommit(GitRepo git, ObjectId treeOf, ObjectId first, ObjectId second, PersonIdent who) throws Exception {
        try (RevWalk rw = new RevWalk(git.repository()); ObjectInserter ins = git.repository().newObjectInserter()) {
            CommitBuilder c = new CommitBuilder();
            c.setTreeId(rw.parseCommit(treeOf).getTree());
            c.setParentIds(first, second);
            c.setAuthor(who);
            c.setCommitter(who);
            c.setMessage("merge");
            ObjectId id = ins.insert(c);
            ins.flush();
            reset(git, id);
            return id;
        }
    }
}
