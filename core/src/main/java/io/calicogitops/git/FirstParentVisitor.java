package io.calicogitops.git;

import java.time.Instant;

/**
 * Steers {@link GitRepo#walkFirstParent}: decides for each commit, before its tree is compared with its first parent's,
 * whether to compare it, pass it by or stop there (a caller that already knows the rest of the walk stops), and
 * receives what the comparison found.
 */
public interface FirstParentVisitor {

    /** What to do with one commit of the walk. */
    enum Action {
        /** Compare its tree with its first parent's under the prefix, then go on to the parent. */
        COMPARE,
        /** Go on to the parent without comparing (no tree read). */
        SKIP,
        /** End the walk here, without comparing this commit. */
        STOP
    }

    /** Asked for every commit, newest first, before anything but the commit itself is read. */
    Action before(String id, Instant commitTime);

    /**
     * A compared commit: {@code changed} holds its files under the prefix that differ from its first parent's, or is
     * null when there are none (no author or message is read then).
     */
    void compared(String id, Instant commitTime, PathCommit changed);
}
