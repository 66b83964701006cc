package io.calicogitops.driftlog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calicogitops.audit.Change;
import io.calicogitops.audit.DriftEntry;
import io.calicogitops.audit.DriftSeverity;
import io.calicogitops.audit.DriftStatus;

import java.util.List;
import java.util.Objects;

/**
 * One drifted resource as the drift log keeps it: a fingerprint, the resource's identity, its status, severity and the
 * human sentences.
 *
 * <p>The fingerprint is the SHA-256 of the canonical JSON of {@code apiGroup}, {@code kind}, {@code namespace},
 * {@code name}, {@code status} and what differs. For a MODIFIED resource that is data: the RFC 6902 patch between the
 * normalised sides plus the normalised live value at each path the patch touches (the patch alone only says what Git
 * wants, so "Deny became Allow" and "Deny became Pass" would look alike), which survives rewording of the sentences
 * between releases. MISSING and UNMANAGED resources have no patch: their sorted sentences are used. The same drift
 * seen by two audits has the same fingerprint; a resource that drifts further gets a new one. Severity is not part of
 * it: it is a judgement of the drift, not the drift.
 */
public record LoggedDrift(String fingerprint, String apiGroup, String kind, String namespace, String name,
                          DriftStatus status, DriftSeverity severity, List<String> sentences) {

    public LoggedDrift {
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(kind, "kind");
        namespace = namespace == null ? "" : namespace;
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(severity, "severity");
        sentences = List.copyOf(sentences);
    }

    /**
     * The log's record of a drift entry ({@link DriftEntry#isDrift()}); {@code live} is the normalised live object,
     * null when the cluster has none (or it is unknown: then the sentences stand in for the live values).
     */
    static LoggedDrift of(DriftEntry e, JsonNode live) {
        List<String> sentences = e.changes().stream().map(Change::sentence).toList();
        ObjectNode what = JsonNodeFactory.instance.objectNode();
        what.put("apiGroup", e.id().group());
        what.put("kind", e.id().kind());
        what.put("namespace", e.id().namespace());
        what.put("name", e.id().name());
        what.put("status", statusLabel(e.status()));
        JsonNode patch = e.patch();
        if (patch != null && patch.isArray() && !patch.isEmpty() && live != null) {
            what.set("patch", patch);
            ArrayNode was = what.putArray("live");
            for (JsonNode op : patch) {
                JsonNode value = live.at(op.path("path").asText(""));
                was.add(value.isMissingNode() ? JsonNodeFactory.instance.nullNode() : value);
            }
        } else {
            sentences.stream().sorted().forEach(what.putArray("sentences")::add);
        }
        return new LoggedDrift(CanonicalJson.sha256(what), e.id().group(), e.id().kind(), e.id().namespace(),
                e.id().name(), e.status(), e.severity(), sentences);
    }

    /** As the drift log and the notifications write it: fingerprint, identity, status, severity, sentences. */
    public ObjectNode toJson() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("fingerprint", fingerprint);
        node.put("apiGroup", apiGroup);
        node.put("kind", kind);
        node.put("namespace", namespace);
        node.put("name", name);
        node.put("status", statusLabel(status));
        node.put("severity", severity.label());
        sentences.forEach(node.putArray("sentences")::add);
        return node;
    }

    /** {@code Kind namespace/name} or {@code Kind name}. */
    public String display() {
        return kind + " " + (namespace.isEmpty() ? name : namespace + "/" + name);
    }

    /** {@code modified}, {@code missing}, {@code unmanaged}: the status as the log and the reports write it. */
    public static String statusLabel(DriftStatus status) {
        return status.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
