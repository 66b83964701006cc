package io.calicogitops.driftlog;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;

/**
 * The one byte form of a JSON value that hashes are computed over: object keys sorted by UTF-16 code units, no
 * whitespace, strings escaped as RFC 8785 (JCS) does (only {@code "}, {@code \} and control characters; short escapes
 * where JSON has them, else lowercase <code>&#92;u00xx</code>), UTF-8. For the value types a log entry holds (strings,
 * integers, booleans, null) this is exactly JCS, so any JCS implementation plus SHA-256 can check an entry.
 * Non-integral numbers (possible only inside live objects, for the live digest) are written as Java's shortest
 * round-trip form, stable from run to run.
 */
public final class CanonicalJson {

    private static final HexFormat HEX = HexFormat.of();

    private CanonicalJson() {
    }

    static byte[] bytes(JsonNode node) {
        StringBuilder b = new StringBuilder();
        write(node, b);
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Lowercase hex SHA-256 of the canonical bytes. */
    static String sha256(JsonNode node) {
        return sha256(bytes(node));
    }

    static String sha256(byte[] bytes) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static void write(JsonNode node, StringBuilder b) {
        switch (node.getNodeType()) {
            case OBJECT -> {
                List<String> keys = new ArrayList<>();
                for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                    keys.add(it.next());
                }
                keys.sort(null);
                b.append('{');
                for (int i = 0; i < keys.size(); i++) {
                    if (i > 0) {
                        b.append(',');
                    }
                    string(keys.get(i), b);
                    b.append(':');
                    write(node.get(keys.get(i)), b);
                }
                b.append('}');
            }
            case ARRAY -> {
                b.append('[');
                for (int i = 0; i < node.size(); i++) {
                    if (i > 0) {
                        b.append(',');
                    }
                    write(node.get(i), b);
                }
                b.append(']');
            }
            case STRING -> string(node.textValue(), b);
            case NUMBER -> number(node, b);
            case BOOLEAN -> b.append(node.booleanValue());
            case NULL, MISSING -> b.append("null");
            default -> throw new IllegalArgumentException("no canonical JSON form for a " + node.getNodeType() + " node");
        }
    }

    private static void number(JsonNode node, StringBuilder b) {
        if (node.isIntegralNumber()) {
            b.append(node.bigIntegerValue());
            return;
        }
        double d = node.doubleValue();
        if (!Double.isFinite(d)) {
            throw new IllegalArgumentException("no JSON form for " + d);
        }
        // JCS writes an integral double without a fraction (2.0 -> 2), like ECMAScript does.
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            b.append((long) d);
        } else {
            b.append(d);
        }
    }

    /** Appends {@code s} as a JSON string the way RFC 8785 (JCS) writes it: quote and backslash escaped, controls as short or u00xx escapes. */
    public static void string(String s, StringBuilder b) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\b' -> b.append("\\b");
                case '\f' -> b.append("\\f");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        b.append('"');
    }
}
