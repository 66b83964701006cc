package io.calicogitops.git;

import io.calicogitops.diag.GitAccessException;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.errors.LockFailedException;
import org.eclipse.jgit.lib.Repository;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The repository's index held locked ({@code .git/index.lock}, the same lock {@code git} takes) from planning a render
 * to its commit: another render, in this process or another, or a {@code git} command, waits or fails instead of
 * interleaving with it. Obtained from {@link GitRepo#lockIndex}; closing it releases the lock.
 */
public final class IndexLock implements AutoCloseable {

    private final DirCache index;
    private boolean released;

    private IndexLock(DirCache index) {
        this.index = index;
    }

    /** Takes the lock, retrying with short random pauses for at most {@code wait}. */
    static IndexLock acquire(Repository repo, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            try {
                return new IndexLock(repo.lockDirCache());
            } catch (LockFailedException e) {
                if (System.nanoTime() >= deadline) {
                    throw new GitAccessException("the index of " + repo.getWorkTree() + " is locked: "
                            + repo.getDirectory().toPath().resolve("index.lock") + " exists; nothing was written"
                            + "\n    hint: another git or calico-gitops process is working in this repository; if none is,"
                            + " a crashed one left the lock behind: remove the file and run again");
                }
                pause();
            } catch (IOException e) {
                throw new GitAccessException("read the index of " + repo.getWorkTree() + ": " + e.getMessage(), e);
            }
        }
    }

    DirCache index() {
        if (released) {
            throw new IllegalStateException("the index lock was released");
        }
        return index;
    }

    /** Writes the edited index and releases the lock (renaming index.lock over index). */
    void commitIndex() throws IOException {
        index().write();
        if (!index.commit()) {
            throw new IOException("could not replace the index with index.lock");
        }
        released = true;
    }

    @Override
    public void close() {
        if (!released) {
            released = true;
            index.unlock();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(20, 120));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GitAccessException("interrupted while waiting for the index lock", e);
        }
    }
}
