package io.calicogitops.git;

import java.time.Instant;

/**
 * One line of a ref's reflog: the ref moved from {@code from} to {@code to} (40 zeros when it did not exist or was
 * deleted) at {@code when}, with Git's comment ({@code commit: ...}, {@code forced-update}, {@code reset: ...}).
 */
public record RefMove(String from, String to, Instant when, String comment) {
}
