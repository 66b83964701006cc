package io.calicogitops.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.UncheckedIOException;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MergePatchTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** RFC 7386 Appendix A, every example, in order. */
    @ParameterizedTest(name = "{0} + {1} = {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            {"a":"b"}                | {"a":"c"}                  | {"a":"c"}
            {"a":"b"}                | {"b":"c"}                  | {"a":"b","b":"c"}
            {"a":"b"}                | {"a":null}                 | {}
            {"a":"b","b":"c"}        | {"a":null}                 | {"b":"c"}
            {"a":["b"]}              | {"a":"c"}                  | {"a":"c"}
            {"a":"c"}                | {"a":["b"]}                | {"a":["b"]}
            {"a":{"b":"c"}}          | {"a":{"b":"d","c":null}}   | {"a":{"b":"d"}}
            {"a":[{"b":"c"}]}        | {"a":[1]}                  | {"a":[1]}
            ["a","b"]                | ["c","d"]                  | ["c","d"]
            {"a":"b"}                | ["c"]                      | ["c"]
            {"a":"foo"}              | null                       | null
            {"a":"foo"}              | "bar"                      | "bar"
            {"e":null}               | {"a":1}                    | {"e":null,"a":1}
            [1,2]                    | {"a":"b","c":null}         | {"a":"b"}
            {}                       | {"a":{"bb":{"ccc":null}}}  | {"a":{"bb":{}}}
            """)
    void apply_rfc7386AppendixExamples(String target, String patch, String result) {
        assertEquals(json(result), MergePatch.apply(json(target), json(patch)));
    }

    @Test
    void apply_rfc7386SectionThreeExample() {
        JsonNode target = json("""
                {"title": "Goodbye!", "author": {"givenName": "John", "familyName": "Doe"},
                 "tags": ["example", "sample"], "content": "This will be unchanged"}""");
        JsonNode patch = json("""
                {"title": "Hello!", "phoneNumber": "+01-123-456-7890", "author": {"familyName": null},
                 "tags": ["example"]}""");

        assertEquals(json("""
                {"title": "Hello!", "author": {"givenName": "John"}, "tags": ["example"],
                 "content": "This will be unchanged", "phoneNumber": "+01-123-456-7890"}"""),
                MergePatch.apply(target, patch));
    }

    @Test
    void apply_leavesTargetAndPatchUnchanged() {
        JsonNode target = json("{\"spec\":{\"a\":1,\"b\":{\"c\":2}}}");
        JsonNode patch = json("{\"spec\":{\"b\":{\"c\":null,\"d\":3}}}");

        JsonNode result = MergePatch.apply(target, patch);

        assertEquals(json("{\"spec\":{\"a\":1,\"b\":{\"d\":3}}}"), result);
        assertEquals(json("{\"spec\":{\"a\":1,\"b\":{\"c\":2}}}"), target);
        assertEquals(json("{\"spec\":{\"b\":{\"c\":null,\"d\":3}}}"), patch);
    }

    @Test
    void apply_felixPatchOfAnOverlay_addsFieldsAfterTheExistingOnesInOrder() {
        JsonNode felix = json("{\"spec\":{\"flowLogsFlushInterval\":\"15s\",\"wireguardEnabled\":false}}");

        JsonNode patched = MergePatch.apply(felix, json("{\"spec\":{\"wireguardEnabled\":true,\"l7LogsFlushInterval\":\"5m0s\"}}"));

        assertEquals("{\"spec\":{\"flowLogsFlushInterval\":\"15s\",\"wireguardEnabled\":true,\"l7LogsFlushInterval\":\"5m0s\"}}",
                patched.toString());
    }
}
