package io.calicogitops.evidence;

import io.calicogitops.version.BuildInfo;

import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What to put in an evidence bundle: the repository and ref, the cluster, the interval [{@code since}, {@code until}],
 * where the live state comes from (none: no snapshot and no drift report), the ignore rules, the generation time
 * (taken once by the caller and used everywhere), the tool's version and build commit for the manifest, an optional signing key, where
 * history and drift log come from, and where to write the zip.
 */
public record ExportRequest(Path repo, String cluster, String ref, Instant since, Instant until, Optional<LiveInput> live,
                            Optional<Path> ignoreFile, Instant generatedAt, BuildInfo tool,
                            Optional<PrivateKey> signKey, EvidenceSources sources, Path out) {

    public ExportRequest {
        Objects.requireNonNull(repo, "repo");
        Objects.requireNonNull(cluster, "cluster");
        ref = ref == null ? "HEAD" : ref;
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(until, "until");
        live = live == null ? Optional.empty() : live;
        ignoreFile = ignoreFile == null ? Optional.empty() : ignoreFile;
        Objects.requireNonNull(generatedAt, "generatedAt");
        tool = tool == null ? BuildInfo.current() : tool;
        signKey = signKey == null ? Optional.empty() : signKey;
        sources = sources == null ? EvidenceSources.standard() : sources;
        Objects.requireNonNull(out, "out");
    }
}
