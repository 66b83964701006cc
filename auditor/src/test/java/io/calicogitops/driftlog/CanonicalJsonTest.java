package io.calicogitops.driftlog;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static io.calicogitops.driftlog.LogFixtures.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The canonical JSON that entry hashes are computed over (RFC 8785 for strings, integers, booleans and null). */
class CanonicalJsonTest {

    private static String canonical(String json) {
        return new String(CanonicalJson.bytes(json(json)), StandardCharsets.UTF_8);
    }

    @Test
    void keys_areSortedAtEveryLevelWithoutWhitespace() {
        assertEquals("{\"a\":[3,{\"x\":1,\"y\":null}],\"b\":true}", canonical("{ \"b\" : true, \"a\": [3, {\"y\": null, \"x\": 1}] }"));
    }

    @Test
    void strings_escapeOnlyQuoteBackslashAndControlCharacters() {
        assertEquals("\"q\\\"b\\\\n\\nt\\tu\\u001f/é€\"", canonical("\"q\\\"b\\\\n\\nt\\tu\\u001f\\/é\\u20ac\""));
    }

    @Test
    void numbers_integralAsIntegersOtherwiseShortest() {
        assertEquals("[1,-2,3,12345678901234567890,0.5]", canonical("[1, -2, 3.0, 12345678901234567890, 0.50]"));
    }

    @Test
    void sha256_isLowercaseHexOfTheCanonicalBytes() {
        // sha256("{}")
        assertEquals("44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a", CanonicalJson.sha256(json("{ }")));
    }
}
