package io.calicogitops.evidence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.calicogitops.report.JsonStyle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** How the bundle writes JSON: keys in insertion order, two-space indent, LF, a final newline, UTF-8 (as the audit report). */
final class JsonText {

    static final ObjectMapper MAPPER = JsonStyle.MAPPER;

    private static final ObjectWriter PRETTY = JsonStyle.PRETTY;

    private JsonText() {
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static byte[] bytes(JsonNode node) {
        try {
            return (PRETTY.writeValueAsString(node) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("write JSON", e);
        }
    }

    /** Parses JSON bytes; {@code what} names the file in the error. */
    static JsonNode parse(byte[] bytes, String what) {
        try {
            return MAPPER.readTree(bytes);
        } catch (IOException e) {
            String why = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
            throw new NotABundleException(what + " is not valid JSON: " + why);
        }
    }
}
