package io.calicogitops.driftlog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calicogitops.audit.AuditReport;
import io.calicogitops.audit.DriftEntry;
import io.calicogitops.audit.DriftSeverity;
import io.calicogitops.audit.DriftStatus;
import io.calicogitops.audit.LiveSnapshot;
import io.calicogitops.model.ResourceId;
import io.calicogitops.signing.SigningKeys;

import java.io.IOException;
import java.security.PrivateKey;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.SortedMap;

/**
 * The JSON form of a {@link LogEntry}, schema {@value #SCHEMA}: building an entry from an audit, sealing it into the
 * chain (seq, prevSeq, prev, optional signature, hash) and reading it back. A file holds the canonical JSON
 * ({@link CanonicalJson}) of the sealed entry and a newline; the hash covers every key but {@code hash}, including keys
 * a later version may add; the Ed25519 signature covers every key but {@code hash} and {@code signature}, so it binds
 * the entry's content, its seq and the link to the previous entry. {@code prevSeq} and {@code signature} were added
 * without a schema bump (adding keys keeps the version): entries written before them still read and verify.
 */
final class LogEntryJson {

    static final String SCHEMA = "calico-gitops/drift-log/v1";
    static final String GENESIS = "0".repeat(64);
    static final String SIGNATURE = "signature";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private LogEntryJson() {
    }

    /** What a finished audit contributes; {@link #seal} adds the chain fields. */
    static ObjectNode body(AuditReport report, LiveSnapshot live, Instant time) {
        SortedMap<ResourceId, JsonNode> normalised = LiveDigest.normalised(live);
        ObjectNode node = common(report.cluster(), report.desiredRef(), Optional.ofNullable(report.desiredCommit()),
                report.liveSource(), time);
        node.put("liveDigest", LiveDigest.of(normalised));
        node.put("inSync", report.inSync());
        ObjectNode summary = node.putObject("summary");
        report.summary().forEach(summary::put);
        ArrayNode drift = node.putArray("drift");
        for (DriftEntry e : report.entries()) {
            if (e.isDrift()) {
                drift.add(LoggedDrift.of(e, normalised.get(e.id())).toJson());
            }
        }
        node.putNull("error");
        return node;
    }

    /** What a failed audit contributes: the error instead of a digest, a summary and drift. */
    static ObjectNode body(AuditFailure failure, Instant time) {
        ObjectNode node = common(failure.cluster(), failure.desiredRef(), failure.desiredCommit(), failure.liveSource(), time);
        node.putNull("liveDigest");
        node.put("inSync", false);
        node.putObject("summary");
        node.putArray("drift");
        node.put("error", failure.error());
        return node;
    }

    private static ObjectNode common(String cluster, String ref, Optional<String> commit, String liveSource, Instant time) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("schemaVersion", SCHEMA);
        node.put("time", DateTimeFormatter.ISO_INSTANT.format(time.truncatedTo(ChronoUnit.SECONDS)));
        node.put("cluster", cluster);
        node.put("desiredRef", ref);
        node.put("desiredCommit", commit.orElse(null));
        node.put("liveSource", liveSource);
        return node;
    }

    /**
     * A copy of {@code body} linked into the chain: {@code seq}, {@code prevSeq}, {@code prev}, with a key the
     * {@code signature} over that, and the {@code hash} over the rest.
     */
    static ObjectNode seal(ObjectNode body, long seq, String prev, Optional<PrivateKey> key) {
        ObjectNode entry = body.deepCopy();
        entry.remove(List.of("hash", SIGNATURE));
        entry.put("seq", seq);
        entry.put("prevSeq", seq - 1);
        entry.put("prev", prev);
        key.ifPresent(k -> entry.put(SIGNATURE, SigningKeys.signBase64(k, signedBytes(entry))));
        entry.put("hash", hashOf(entry));
        return entry;
    }

    /** The bytes an entry's signature covers: its canonical JSON without {@code hash} and {@code signature}. */
    static byte[] signedBytes(JsonNode entry) {
        ObjectNode copy = ((ObjectNode) entry).deepCopy();
        copy.remove(List.of("hash", SIGNATURE));
        return CanonicalJson.bytes(copy);
    }

    /** The SHA-256 of the canonical JSON of {@code entry} without its {@code hash} key. */
    static String hashOf(JsonNode entry) {
        ObjectNode copy = ((ObjectNode) entry).deepCopy();
        copy.remove("hash");
        return CanonicalJson.sha256(copy);
    }

    /** The bytes of an entry file. */
    static byte[] fileBytes(ObjectNode sealed) {
        byte[] json = CanonicalJson.bytes(sealed);
        byte[] out = java.util.Arrays.copyOf(json, json.length + 1);
        out[json.length] = '\n';
        return out;
    }

    /** Parses an entry file; the message of the exception says what is wrong with it. */
    static ObjectNode parse(byte[] file) {
        JsonNode node;
        try {
            node = MAPPER.readTree(file);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON (" + e.getOriginalMessage() + ")");
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON (" + e.getMessage() + ")");
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        return (ObjectNode) node;
    }

    /** The entry a sealed JSON object describes; throws {@link IllegalArgumentException} naming the bad field. */
    static LogEntry fromJson(JsonNode n) {
        List<LoggedDrift> drift = new ArrayList<>();
        for (JsonNode d : array(n, "drift")) {
            drift.add(new LoggedDrift(text(d, "fingerprint"), text(d, "apiGroup"), text(d, "kind"), text(d, "namespace"),
                    text(d, "name"), status(text(d, "status")), severity(text(d, "severity")),
                    textList(array(d, "sentences"))));
        }
        Map<String, Long> summary = new LinkedHashMap<>();
        JsonNode s = n.path("summary");
        if (!s.isObject()) {
            throw new IllegalArgumentException("'summary' must be an object");
        }
        s.fields().forEachRemaining(f -> summary.put(f.getKey(), f.getValue().asLong()));
        JsonNode seq = n.path("seq");
        if (!seq.canConvertToLong() || !seq.isIntegralNumber() || seq.asLong() < 1) {
            throw new IllegalArgumentException("'seq' must be a positive integer");
        }
        JsonNode prevSeq = n.path("prevSeq");
        if (!prevSeq.isMissingNode() && (!prevSeq.isIntegralNumber() || !prevSeq.canConvertToLong() || prevSeq.asLong() < 0)) {
            throw new IllegalArgumentException("'prevSeq' must be a non-negative integer");
        }
        if (!n.path("inSync").isBoolean()) {
            throw new IllegalArgumentException("'inSync' must be true or false");
        }
        Instant time;
        try {
            time = Instant.parse(text(n, "time"));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'time' is not an ISO-8601 instant");
        }
        return new LogEntry(seq.asLong(), time, text(n, "cluster"), optionalText(n, "desiredCommit"), text(n, "desiredRef"),
                text(n, "liveSource"), optionalText(n, "liveDigest"), n.get("inSync").booleanValue(), summary, drift,
                optionalText(n, "error"), text(n, "prev"), text(n, "hash"),
                prevSeq.isMissingNode() ? OptionalLong.empty() : OptionalLong.of(prevSeq.asLong()), optionalText(n, SIGNATURE));
    }

    /** The entry as JSON, keys in the canonical order. */
    static ObjectNode toJson(LogEntry e) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("cluster", e.cluster());
        node.put("desiredCommit", e.desiredCommit().orElse(null));
        node.put("desiredRef", e.desiredRef());
        ArrayNode drift = node.putArray("drift");
        e.drift().forEach(d -> drift.add(d.toJson()));
        node.put("error", e.error().orElse(null));
        node.put("hash", e.hash());
        node.put("inSync", e.inSync());
        node.put("liveDigest", e.liveDigest().orElse(null));
        node.put("liveSource", e.liveSource());
        node.put("prev", e.prev());
        e.prevSeq().ifPresent(p -> node.put("prevSeq", p));
        node.put("schemaVersion", SCHEMA);
        node.put("seq", e.seq());
        e.signature().ifPresent(sig -> node.put(SIGNATURE, sig));
        ObjectNode summary = node.putObject("summary");
        e.summary().forEach(summary::put);
        node.put("time", DateTimeFormatter.ISO_INSTANT.format(e.time()));
        return node;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.path(field);
        if (!v.isTextual()) {
            throw new IllegalArgumentException("'" + field + "' must be a string");
        }
        return v.textValue();
    }

    private static Optional<String> optionalText(JsonNode n, String field) {
        JsonNode v = n.path(field);
        if (v.isNull() || v.isMissingNode()) {
            return Optional.empty();
        }
        return Optional.of(text(n, field));
    }

    private static JsonNode array(JsonNode n, String field) {
        JsonNode v = n.path(field);
        if (!v.isArray()) {
            throw new IllegalArgumentException("'" + field + "' must be an array");
        }
        return v;
    }

    private static List<String> textList(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(v -> out.add(v.asText()));
        return out;
    }

    private static DriftStatus status(String label) {
        try {
            return DriftStatus.valueOf(label.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown drift status '" + label + "'");
        }
    }

    private static DriftSeverity severity(String label) {
        try {
            return DriftSeverity.valueOf(label.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown severity '" + label + "'");
        }
    }
}
