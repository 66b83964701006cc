package io.calicogitops.driftlog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.calicogitops.audit.AuditReport;
import io.calicogitops.audit.DriftEntry;
import io.calicogitops.audit.LiveSnapshot;
import io.calicogitops.model.ResourceId;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;

/**
 * What one audit found, reduced to what decides whether anyone needs to hear about it: in sync, drift (with the drift
 * log's per-resource entries and one fingerprint over all of them) or failed (with the error).
 *
 * <p>The set fingerprint is the SHA-256 of the canonical JSON array of the per-resource fingerprints, sorted: the same
 * drifted resources with the same differences give the same fingerprint in every run, whatever the order of the
 * report; any resource drifting further, a new one or a resolved one changes it. A state built from a finished audit and
 * one read back from the drift log entry of that audit have the same fingerprint.
 */
public record DriftState(Verdict verdict, String fingerprint, List<LoggedDrift> drift, Optional<String> error,
                         Optional<String> desiredCommit) {

    /** The three outcomes of an audit. */
    public enum Verdict { IN_SYNC, DRIFT, FAILED }

    public DriftState {
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(fingerprint, "fingerprint");
        drift = drift.stream().sorted(Comparator.comparing(LoggedDrift::fingerprint)).toList();
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(desiredCommit, "desiredCommit");
    }

    /** The state of a finished audit; {@code live} is the snapshot it compared (for the fingerprints). */
    public static DriftState of(AuditReport report, LiveSnapshot live) {
        SortedMap<ResourceId, JsonNode> normalised = LiveDigest.normalised(live);
        List<LoggedDrift> drift = new ArrayList<>();
        for (DriftEntry e : report.entries()) {
            if (e.isDrift()) {
                drift.add(LoggedDrift.of(e, normalised.get(e.id())));
            }
        }
        return drift(drift, Optional.ofNullable(report.desiredCommit()));
    }

    /** The state a drift log entry recorded. */
    public static DriftState of(LogEntry entry) {
        if (entry.failed()) {
            return failed(entry.error().orElseThrow(), entry.desiredCommit());
        }
        return drift(entry.drift(), entry.desiredCommit());
    }

    /** An audit that could not read the cluster or the desired state. */
    public static DriftState failed(String error, Optional<String> desiredCommit) {
        return new DriftState(Verdict.FAILED, "", List.of(), Optional.of(error), desiredCommit);
    }

    private static DriftState drift(List<LoggedDrift> drift, Optional<String> commit) {
        if (drift.isEmpty()) {
            return new DriftState(Verdict.IN_SYNC, "", List.of(), Optional.empty(), commit);
        }
        ArrayNode prints = JsonNodeFactory.instance.arrayNode();
        drift.stream().map(LoggedDrift::fingerprint).sorted().forEach(prints::add);
        return new DriftState(Verdict.DRIFT, CanonicalJson.sha256(prints), drift, Optional.empty(), commit);
    }

    public boolean failed() {
        return verdict == Verdict.FAILED;
    }
}
