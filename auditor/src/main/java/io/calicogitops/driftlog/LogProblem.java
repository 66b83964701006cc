package io.calicogitops.driftlog;

import java.util.Objects;

/**
 * One thing {@code log verify} found wrong: where (an entry's path, or the branch for history problems), what kind of
 * damage, and a sentence for people, e.g.
 * {@code log/eks-prod/000000042.json: hash mismatch: entry was edited after it was recorded}.
 */
public record LogProblem(String where, Kind kind, String message) {

    /** The kinds of damage, each with the tampering it reveals. */
    public enum Kind {
        /** An entry's content does not match its hash: edited after it was recorded. */
        HASH_MISMATCH,
        /** An entry's prev is not the hash of the entry before it: entries reordered, inserted or re-forged. */
        PREV_MISMATCH,
        /** Seq numbers jump: an entry was deleted (or a re-forged history left one out). */
        SEQ_GAP,
        /** A file holds another entry than its name says: entries moved, swapped or renamed. */
        MISPLACED,
        /** A file on the branch is not a readable entry, or not where entries live. */
        UNREADABLE,
        /** A commit changed or deleted an entry an earlier commit had recorded. */
        REWRITTEN,
        /** The branch history has a merge: the log must be one line of appends. */
        NOT_LINEAR,
        /** The branch was moved to a history without a tip it had before (force-push, reset). */
        HISTORY_REWRITTEN,
        /** An entry has no signature, though a public key was given: recorded without the key, or re-forged. */
        UNSIGNED,
        /** An entry's signature does not match the public key: edited after signing, or signed with another key. */
        BAD_SIGNATURE,
        /** Entries a checkpoint or the expected count vouch for are gone: the newest entries were dropped. */
        TRUNCATED,
        /** The entry a checkpoint names is there with another hash: it, or an entry before it, was rewritten. */
        CHECKPOINT_MISMATCH,
        /** A checkpoint's own signature does not match the public key. */
        CHECKPOINT_INVALID
    }

    public LogProblem {
        Objects.requireNonNull(where, "where");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
    }

    /** {@code where: message}. */
    public String format() {
        return where + ": " + message;
    }
}
