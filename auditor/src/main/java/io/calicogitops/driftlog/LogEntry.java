package io.calicogitops.driftlog;

import io.calicogitops.audit.DriftSeverity;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One recorded audit of one cluster, as stored in {@code log/<cluster>/<seq>.json} on the drift-log branch.
 *
 * <p>{@code seq} counts this cluster's entries from 1; {@code prev} is the {@code hash} of the cluster's entry
 * {@code seq - 1} (64 zeros for entry 1) and {@code prevSeq} states that seq (absent in entries recorded before it was
 * added); {@code signature}, when the recorder had a key, is the base64 Ed25519 signature over the canonical JSON
 * without {@code hash} and {@code signature}; {@code hash} is the SHA-256 of the entry's canonical JSON without the
 * {@code hash} key. A failed audit (the cluster or the desired state could not be read) has an {@code error}, no
 * {@code liveDigest}, an empty {@code summary} and no drift, and {@code inSync} false: it explains a gap, it does not
 * say the cluster drifted. {@code desiredCommit} is empty only for a failed audit whose ref did not resolve.
 */
public record LogEntry(long seq, Instant time, String cluster, Optional<String> desiredCommit, String desiredRef,
                       String liveSource, Optional<String> liveDigest, boolean inSync, Map<String, Long> summary,
                       List<LoggedDrift> drift, Optional<String> error, String prev, String hash,
                       OptionalLong prevSeq, Optional<String> signature) {

    public LogEntry {
        if (seq < 1) {
            throw new IllegalArgumentException("seq starts at 1, got " + seq);
        }
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(desiredCommit, "desiredCommit");
        Objects.requireNonNull(desiredRef, "desiredRef");
        Objects.requireNonNull(liveSource, "liveSource");
        Objects.requireNonNull(liveDigest, "liveDigest");
        summary = Collections.unmodifiableMap(new LinkedHashMap<>(summary));
        drift = List.copyOf(drift);
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(prev, "prev");
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(prevSeq, "prevSeq");
        Objects.requireNonNull(signature, "signature");
    }

    /** The audit itself failed: nothing is known about the cluster's state at this time. */
    public boolean failed() {
        return error.isPresent();
    }

    /** {@code in sync}, {@code drift} or {@code failed}. */
    public String verdict() {
        return failed() ? "failed" : inSync ? "in sync" : "drift";
    }

    /** The worst severity among the drift ({@code NONE} when there is none). */
    public DriftSeverity worst() {
        return drift.stream().map(LoggedDrift::severity).reduce(DriftSeverity.NONE, DriftSeverity::max);
    }

    /** Where the entry lives on the log branch: {@code log/<cluster>/<seq, 9 digits>.json}. */
    public String path() {
        return LogPaths.of(cluster, seq);
    }
}
