package io.calicogitops.git;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A commit of many folders repeating the same files (a rendered fleet) hashes each distinct content once: every path
 * still gets the blob id of its own bytes, the index and the work tree agree, and a folder emptied by a removal in
 * the same commit is made again for a file added to it later.
 */
class GitRepoCommitRepeatsTest {

    private static final PersonIdent WHO = new PersonIdent("Test", "test@example.com");

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static ObjectId blobId(byte[] bytes) {
        return new ObjectInserter.Formatter().idFor(Constants.OBJ_BLOB, bytes);
    }

    @Test
    void commit_repeatedContents_eachPathHasTheBlobOfItsBytes(@TempDir Path tmp) throws Exception {
        try (GitRepo repo = GitRepo.openOrInit(tmp)) {
            repo.commit(List.of(new FileChange("old/only.yaml", FileChange.Type.ADDED, null, utf8("old\n"))),
                    "first", WHO);
            // Equal contents in distinct arrays, others between them (one of the same length), and a folder removed then refilled.
            List<FileChange> changes = List.of(
                    new FileChange("a/calico/p.yaml", FileChange.Type.ADDED, null, utf8("same\n")),
                    new FileChange("a/calico/q.yaml", FileChange.Type.ADDED, null, utf8("other\n")),
                    new FileChange("a/calico/r.yaml", FileChange.Type.ADDED, null, utf8("sane\n")),
                    new FileChange("b/calico/p.yaml", FileChange.Type.ADDED, null, utf8("same\n")),
                    new FileChange("old/only.yaml", FileChange.Type.REMOVED, utf8("old\n"), null),
                    new FileChange("old/again.yaml", FileChange.Type.ADDED, null, utf8("same\n")));

            repo.commit(changes, "second", WHO);

            DirCache index = DirCache.read(repo.repository());
            assertEquals(5, index.getEntryCount());
            for (FileChange c : changes) {
                if (c.type() == FileChange.Type.REMOVED) {
                    assertTrue(index.findEntry(c.path()) < 0, c.path());
                    continue;
                }
                assertEquals(blobId(c.after()), index.getEntry(c.path()).getObjectId(), c.path());
                assertArrayEquals(c.after(), repo.repository().open(blobId(c.after())).getBytes(), c.path());
                assertArrayEquals(c.after(), Files.readAllBytes(tmp.resolve(c.path())), c.path());
            }
            assertTrue(Git.wrap(repo.repository()).status().call().isClean());
        }
    }
}
