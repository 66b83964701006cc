package io.calicogitops.flows;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The values {@link EnterpriseLineParser} takes, read from Jackson's streaming parser, each exactly as {@link RecordParser}
 * reads the same value from a tree; any other form throws {@link GiveUp} and the line is read the general way. Each
 * takes the value's first token, which the caller has already read (one {@code nextToken} call site per field keeps
 * the compiled field loop small).
 */
final class PlainValues {

    /** Thrown where the line is not the plain shape; cheap (no stack trace). */
    static final class GiveUp extends RuntimeException {
        private static final long serialVersionUID = 1L;
        static final GiveUp INSTANCE = new GiveUp();

        private GiveUp() {
            super(null, null, false, false);
        }
    }

    private PlainValues() {
    }

    static String text(JsonParser p, JsonToken t) throws IOException {
        if (t != JsonToken.VALUE_STRING) {
            throw GiveUp.INSTANCE;
        }
        return p.getText();
    }

    /** A string, or null for JSON null (RecordParser.dash: "-" and "" are absent too). */
    static String dash(JsonParser p, JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        if (t != JsonToken.VALUE_STRING) {
            throw GiveUp.INSTANCE;
        }
        // "-" (aggregated away) is most of these values: looked at in the parser's buffer, no string made for it.
        int length = p.getTextLength();
        if (length == 0 || length == 1 && p.getTextCharacters()[p.getTextOffset()] == '-') {
            return null;
        }
        return p.getText();
    }

    static long number(JsonParser p, JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_NULL) {
            return 0;
        }
        if (t != JsonToken.VALUE_NUMBER_INT || p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
            throw GiveUp.INSTANCE;
        }
        return p.getLongValue();
    }

    static Integer port(JsonParser p, JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        if (t != JsonToken.VALUE_NUMBER_INT || p.getNumberType() != JsonParser.NumberType.INT
                || p.getIntValue() < 0 || p.getIntValue() > 65535) {
            throw GiveUp.INSTANCE;
        }
        return p.getIntValue();
    }

    /**
     * {@code {"labels": ["k=v", ...]}} into {@code into} (cleared first; the caller copies it, as {@link FlowEndpoint}
     * does), or null; any other form is read the general way.
     */
    static SortedMap<String, String> labels(JsonParser p, JsonToken t, TreeMap<String, String> into) throws IOException {
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        if (t != JsonToken.START_OBJECT) {
            throw GiveUp.INSTANCE;
        }
        SortedMap<String, String> out = null;
        String name;
        while ((name = p.nextFieldName()) != null) {
            if (!name.equals("labels")) {
                throw GiveUp.INSTANCE;
            }
            into.clear(); // a repeated "labels" key: the last one wins, as in Jackson's tree
            out = into;
            if (p.nextToken() == JsonToken.VALUE_NULL) {
                continue;
            }
            if (p.currentToken() != JsonToken.START_ARRAY) {
                throw GiveUp.INSTANCE;
            }
            while (p.nextToken() == JsonToken.VALUE_STRING) {
                String kv = p.getText();
                int eq = kv.indexOf('=');
                if (eq <= 0) {
                    throw GiveUp.INSTANCE;
                }
                out.put(kv.substring(0, eq), kv.substring(eq + 1));
            }
            if (p.currentToken() != JsonToken.END_ARRAY) {
                throw GiveUp.INSTANCE;
            }
        }
        if (out == null) {
            throw GiveUp.INSTANCE; // {} reads as an empty map of labels: rare, left to the general way
        }
        return out;
    }

    /** An array of strings, or null; elements of another type are read the general way. */
    static List<String> strings(JsonParser p, JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_NULL) {
            return List.of();
        }
        if (t != JsonToken.START_ARRAY) {
            throw GiveUp.INSTANCE;
        }
        List<String> out = new ArrayList<>(2);
        while (p.nextToken() == JsonToken.VALUE_STRING) {
            out.add(p.getText());
        }
        if (p.currentToken() != JsonToken.END_ARRAY) {
            throw GiveUp.INSTANCE;
        }
        return out;
    }

    static void giveUp() {
        throw GiveUp.INSTANCE;
    }

    static String required(String value) {
        if (value == null || value.isEmpty()) {
            throw GiveUp.INSTANCE;
        }
        return value;
    }
}
