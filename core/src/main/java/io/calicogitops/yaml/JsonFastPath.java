package io.calicogitops.yaml;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import com.fasterxml.jackson.databind.JsonNode;
import io.calicogitops.diag.Diagnostics;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;

/**
 * Reads a text that is one JSON object or array ({@code kubectl get -o json}) with Jackson's JSON parser, several
 * times faster than the YAML parser, into the same tree and locations the YAML reading gives. JSON is YAML, but a few
 * texts read differently as YAML 1.1, so this gives up (and the caller reads the text as YAML) whenever the two could
 * differ or anything is wrong: numbers with an exponent, the escape {@code \/} (not YAML 1.1), line breaks that only YAML counts (NEL, LS, PS), characters
 * outside the Basic Multilingual Plane (counted differently in columns), content after the value, a document over
 * the size limit, and any error or problem found (the YAML reading reports it, with its own words and locations).
 */
final class JsonFastPath {

    private static final class GiveUp extends RuntimeException {
        private static final long serialVersionUID = 1L;

        GiveUp() {
            super(null, null, false, false);
        }
    }

    private final JsonFactory factory;
    private final YamlLimits limits;

    JsonFastPath(YamlLimits limits) {
        this.limits = limits;
        this.factory = JsonFactory.builder().streamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(Math.max(limits.maxDepth() + 1, StreamReadConstraints.DEFAULT_MAX_DEPTH))
                .maxStringLength(Math.max(limits.maxDocumentCodePoints(), StreamReadConstraints.DEFAULT_MAX_STRING_LEN))
                .build()).build();
    }

    /** The text's one document, or empty when the text must be read as YAML. */
    Optional<List<YamlDocument>> read(String text, SourceText source, String displayPath) {
        return read(text, source, displayPath, index -> new LocationIndex(displayPath, source));
    }

    /** As {@link #read(String, SourceText, String)}, recording into the index {@code indexOf} makes for document 0. */
    Optional<List<YamlDocument>> read(String text, SourceText source, String displayPath,
                                      IntFunction<LocationIndex> indexOf) {
        if (!startsLikeJson(text) || text.length() > limits.maxDocumentCodePoints() || source.hasSupplementary()
                || hasYamlOnlyBreaks(text) || text.contains("\\/")) {
            return Optional.empty();
        }
        Diagnostics found = new Diagnostics();
        try (JsonParser parser = new NoExponents(factory.createParser(text))) {
            parser.nextToken();
            JsonLocation start = parser.currentTokenLocation();
            DocumentBuilder builder = new DocumentBuilder(parser, source, indexOf.apply(0), limits, found);
            JsonNode root = builder.build();
            if (parser.nextToken() != null || !found.sorted().isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(List.of(new YamlDocument(displayPath, 0, start.getLineNr(), root, builder.index())));
        } catch (IOException | RuntimeException e) {
            // GiveUp, StopReading (a limit: the YAML reading reports it), or a JSON syntax error.
            return Optional.empty();
        }
    }

    private static boolean startsLikeJson(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return c == '{' || c == '[';
            }
        }
        return false;
    }

    private static boolean hasYamlOnlyBreaks(String text) {
        // indexOf scans the string's bytes (and knows a Latin-1 string holds no LS or PS) faster than charAt can.
        return text.indexOf('\u0085') >= 0 || text.indexOf('\u2028') >= 0 || text.indexOf('\u2029') >= 0;
    }

    /** YAML 1.1 reads {@code 1e3} as a string and {@code 1.5e3} too (an exponent needs a dot and a sign): give up on any. */
    private static final class NoExponents extends JsonParserDelegate {
        NoExponents(JsonParser d) {
            super(d);
        }

        @Override
        public JsonToken nextToken() throws IOException {
            JsonToken t = delegate.nextToken();
            if (t == JsonToken.VALUE_NUMBER_FLOAT) {
                String n = delegate.getText();
                if (n.indexOf('e') >= 0 || n.indexOf('E') >= 0) {
                    throw new GiveUp();
                }
            }
            return t;
        }
    }
}
