package io.calicogitops.evidence;

import java.nio.file.Path;
import java.time.Instant;

/** What a bundle covers, as {@link EvidenceSources} need it: repository, cluster, end commit and interval. */
public record EvidenceScope(Path repo, String cluster, String endCommit, Instant since, Instant until) {
}
