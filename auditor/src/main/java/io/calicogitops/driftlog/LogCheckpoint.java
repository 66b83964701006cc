package io.calicogitops.driftlog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calicogitops.signing.SigningKeys;

import java.io.IOException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Objects;

/**
 * A signed note of one cluster's newest drift-log entry (seq and hash), schema {@value #SCHEMA}, kept away from the
 * repository (a ticket, a WORM bucket, the evidence archive). The hash chain proves that nothing before an entry
 * changed; the checkpoint proves the entry itself was there, so a log later cut back to an older tip, or re-forged as a
 * whole, no longer matches it. This is the witness idea of Certificate Transparency and Sigstore's Rekor
 * (RFC 9162 "signed tree head"), reduced to one hash chain per cluster. The file is canonical JSON
 * ({@link CanonicalJson}); the Ed25519 signature covers it without the {@code signature} key.
 */
public record LogCheckpoint(String cluster, long seq, String hash, Instant time, String signature) {

    static final String SCHEMA = "calico-gitops/drift-log-checkpoint/v1";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    public LogCheckpoint {
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(signature, "signature");
        if (seq < 1) {
            throw new IllegalArgumentException("seq starts at 1, got " + seq);
        }
    }

    /** A checkpoint of {@code entry}, signed with {@code key}. */
    static LogCheckpoint of(LogEntry entry, PrivateKey key) {
        ObjectNode unsigned = unsigned(entry.cluster(), entry.seq(), entry.hash(), entry.time());
        return new LogCheckpoint(entry.cluster(), entry.seq(), entry.hash(), entry.time(),
                SigningKeys.signBase64(key, CanonicalJson.bytes(unsigned)));
    }

    /** Whether the signature is {@code key}'s over the other fields. */
    public boolean signedBy(PublicKey key) {
        return SigningKeys.verify(key, CanonicalJson.bytes(unsigned(cluster, seq, hash, time)), signature);
    }

    /** The file: canonical JSON and a newline. */
    public byte[] fileBytes() {
        ObjectNode node = unsigned(cluster, seq, hash, time);
        node.put("signature", signature);
        byte[] json = CanonicalJson.bytes(node);
        byte[] out = Arrays.copyOf(json, json.length + 1);
        out[json.length] = '\n';
        return out;
    }

    /** Reads a checkpoint file; the exception's message says what is wrong with it. */
    public static LogCheckpoint parse(byte[] file) {
        JsonNode n;
        try {
            n = MAPPER.readTree(file);
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON");
        }
        if (n == null || !n.isObject() || !SCHEMA.equals(n.path("schemaVersion").asText())) {
            throw new IllegalArgumentException("not a drift-log checkpoint (schemaVersion " + SCHEMA + ")");
        }
        JsonNode seq = n.path("seq");
        if (!seq.isIntegralNumber() || !seq.canConvertToLong() || seq.asLong() < 1) {
            throw new IllegalArgumentException("'seq' must be a positive integer");
        }
        for (String key : new String[] {"cluster", "hash", "time", "signature"}) {
            if (!n.path(key).isTextual()) {
                throw new IllegalArgumentException("'" + key + "' must be a string");
            }
        }
        try {
            return new LogCheckpoint(n.get("cluster").textValue(), seq.asLong(), n.get("hash").textValue(),
                    Instant.parse(n.get("time").textValue()), n.get("signature").textValue());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'time' is not an ISO-8601 instant");
        }
    }

    private static ObjectNode unsigned(String cluster, long seq, String hash, Instant time) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("schemaVersion", SCHEMA);
        node.put("cluster", cluster);
        node.put("seq", seq);
        node.put("hash", hash);
        node.put("time", DateTimeFormatter.ISO_INSTANT.format(time));
        return node;
    }
}
