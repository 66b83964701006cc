package io.calicogitops.git;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link GitRepo#walkFirstParent} finds each commit's changes under a folder by comparing the folder's tree ids first
 * ({@link FolderDiff}); on a seeded history with every kind of change (files added, modified, removed, the folder
 * removed and brought back, replaced by a file and back, a folder whose name starts the same, merges) it finds
 * exactly what {@link GitRepo#walkPaths}, the comparison from the root trees, finds.
 */
class GitRepoWalkFirstParentTest {

    private static final List<String> FOLDERS = List.of("clusters/a", "clusters/ab", "clusters/a/sub", "clusters/b");
    private static final List<String> PREFIXES = List.of("clusters/a", "clusters/ab", "clusters/a/sub", "clusters",
            "clusters/b", "clusters/c", "README.md");

    @TempDir
    Path tmp;

    @Test
    void walkFirstParent_findsTheSameChangesAsTheWalkFromTheRootTrees_onASeededHistory() throws Exception {
        writeHistory(new Random(20261207L), 400);
        try (GitRepo git = GitRepo.open(tmp)) {
            String head = git.commitId("HEAD").orElseThrow();
            for (String prefix : PREFIXES) {
                List<PathCommit> expected = new ArrayList<>();
                git.walkPaths(head, prefix, null, null, expected::add);
                List<PathCommit> got = new ArrayList<>();
                int[] compared = {0};
                git.walkFirstParent(head, prefix, new FirstParentVisitor() {
                    @Override
                    public Action before(String id, Instant commitTime) {
                        return Action.COMPARE;
                    }

                    @Override
                    public void compared(String id, Instant commitTime, PathCommit changed) {
                        compared[0]++;
                        if (changed != null) {
                            got.add(changed);
                        }
                    }
                });
                assertEquals(expected, got, prefix);
                assertTrue(compared[0] > 300, prefix + ": every first-parent commit compared");
                if (!prefix.equals("clusters/c")) {
                    assertTrue(expected.size() > 5, prefix + ": the history changes it (" + expected.size() + ")");
                }
            }
            assertEquals(0, git.blobsRead());
        }
    }

    /** Commits {@code n} random changes on main, with a merge now and then; written in-core, as Git would store them. */
    private void writeHistory(Random rnd, int n) throws Exception {
        try (Repository repo = Git.init().setDirectory(tmp.toFile()).setInitialBranch("main").call().getRepository();
             ObjectInserter ins = repo.newObjectInserter()) {
            Map<String, ObjectId> files = new TreeMap<>();
            List<ObjectId> commits = new ArrayList<>();
            ObjectId head = null;
            for (int i = 0; i < n; i++) {
                int op = rnd.nextInt(100);
                String folder = FOLDERS.get(rnd.nextInt(FOLDERS.size()));
                if (op < 4) {
                    // The folder goes, with everything under it.
                    files.keySet().removeIf(p -> p.startsWith(folder + "/"));
                } else if (op < 7 && !folder.equals("clusters/a/sub")) {
                    // A file where the folder was (and, below, a folder where the file was).
                    files.keySet().removeIf(p -> p.startsWith(folder + "/"));
                    files.put(folder, blob(ins, "file " + i));
                } else if (op < 10) {
                    files.put("README.md", blob(ins, "readme " + i));
                } else {
                    files.remove(folder);
                    if (folder.startsWith("clusters/a/")) {
                        files.remove("clusters/a");
                    }
                    String path = folder + "/f" + rnd.nextInt(6) + ".yaml";
                    if (op < 25 && files.containsKey(path)) {
                        files.remove(path);
                    } else {
                        files.put(path, blob(ins, "v" + i));
                    }
                }
                List<ObjectId> parents = new ArrayList<>();
                if (head != null) {
                    parents.add(head);
                }
                if (i % 37 == 36) {
                    parents.add(commits.get(rnd.nextInt(commits.size())));
                }
                head = commit(ins, files, "c" + i, i, parents);
                commits.add(head);
            }
            ins.flush();
            RefUpdate ru = repo.updateRef("refs/heads/main");
            ru.setNewObjectId(head);
            ru.setForceUpdate(true);
            ru.update();
        }
    }

    private static ObjectId blob(ObjectInserter ins, String text) throws Exception {
        return ins.insert(Constants.OBJ_BLOB, text.getBytes(StandardCharsets.UTF_8));
    }

    private static ObjectId commit(ObjectInserter ins, Map<String, ObjectId> files, String message, int minute,
                                   List<ObjectId> parents) throws Exception {
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
        c.setTreeId(index.writeTree(ins));
        PersonIdent who = new PersonIdent("Alice", "alice@example.com",
                Instant.parse("2026-11-01T00:00:00Z").plusSeconds(60L * minute), ZoneOffset.UTC);
        c.setAuthor(who);
        c.setCommitter(who);
        c.setMessage(message);
        c.setParentIds(parents);
        return ins.insert(c);
    }
}
