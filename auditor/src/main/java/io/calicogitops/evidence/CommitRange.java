package io.calicogitops.evidence;

import java.util.Optional;

/**
 * The commits a bundle covers: the first and last commit in the interval that changed the cluster's folder (empty
 * when none did) and the end commit, the last commit at or before the end of the interval, whose folder is in the
 * bundle as the desired state.
 */
public record CommitRange(Optional<String> from, Optional<String> to, String end) {
}
