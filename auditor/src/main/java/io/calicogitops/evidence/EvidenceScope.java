package io.calicogitops.evidence;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * What a bundle covers, as {@link EvidenceSources} need it: repository, cluster, end commit, interval and the live
 * source, when the bundle has one (the evaluation then runs on the live state too).
 */
public record EvidenceScope(Path repo, String cluster, String endCommit, Instant since, Instant until,
                            Optional<LiveInput> live) {

    public EvidenceScope {
        live = live == null ? Optional.empty() : live;
    }
}
