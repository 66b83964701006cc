package io.calicogitops.flows;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calicogitops.diag.Diagnostics;
import io.calicogitops.diag.SourceLocation;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;

/**
 * Streams flow-log records out of exported files, one record in memory at a time: JSON lines (Felix {@code flows.log},
 * S3 archives, Goldmane's NDJSON emitter), a JSON array, an Elasticsearch search response ({@code hits.hits[]._source})
 * or a Whisker response ({@code items[]}), each gzip-compressed or not (detected by the gzip magic bytes, not the file
 * name). Every record carries its {@code file:line}. A malformed record is an error at its line; all of them are
 * reported at once (exit 3) unless {@code skipMalformed}, which counts and lists them instead.
 */
public final class FlowLogReader {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** One record per line: anything after the object on the same line is an error, not silently ignored. */
    private static final com.fasterxml.jackson.databind.ObjectReader LINE = MAPPER.reader()
            .with(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final boolean skipMalformed;
    /** Null: every line through the tree (tests compare the two readings). */
    private final EnterpriseLineParser fast;
    private final Diagnostics diagnostics = new Diagnostics();
    private final List<Skipped> skipped = new ArrayList<>();
    private long records;

    /** A record {@code skipMalformed} left out, and why. */
    public record Skipped(SourceLocation where, String reason) {
    }

    /** How many records were read, and what was skipped. */
    public record Summary(long records, List<Skipped> skipped) {
        public Summary {
            skipped = List.copyOf(skipped);
        }
    }

    private FlowLogReader(boolean skipMalformed, boolean fastLines) {
        this.skipMalformed = skipMalformed;
        this.fast = fastLines ? new EnterpriseLineParser() : null;
    }

    /** Reads every file in order, handing each record to {@code sink}; throws (exit 3) after the last file if any was malformed. */
    public static Summary read(List<Path> files, boolean skipMalformed, Consumer<FlowRecord> sink) {
        return read(files, skipMalformed, true, sink);
    }

    /** {@code fastLines} false: every line read through a tree, the general way (for tests comparing the two). */
    static Summary read(List<Path> files, boolean skipMalformed, boolean fastLines, Consumer<FlowRecord> sink) {
        FlowLogReader reader = new FlowLogReader(skipMalformed, fastLines);
        for (Path f : files) {
            reader.file(f, sink);
        }
        reader.diagnostics.throwIfErrors("flow logs");
        return new Summary(reader.records, reader.skipped);
    }

    private void file(Path path, Consumer<FlowRecord> sink) {
        String shown = path.toString();
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(path), 1 << 16);
             BufferedReader in = new BufferedReader(new InputStreamReader(gunzipIfNeeded(raw), StandardCharsets.UTF_8), 1 << 16)) {
            int first = firstNonBlank(in);
            if (first == '[' || first == '{' && !singleLineObject(in)) {
                document(in, shown, sink);
            } else if (first >= 0) {
                lines(in, shown, sink);
            }
        } catch (IOException e) {
            diagnostics.error(SourceLocation.of(shown), "cannot read flow log: " + e.getMessage());
        }
    }

    private static InputStream gunzipIfNeeded(InputStream in) throws IOException {
        in.mark(2);
        int b1 = in.read();
        int b2 = in.read();
        in.reset();
        return b1 == 0x1f && b2 == 0x8b ? new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16) : in;
    }

    private static int firstNonBlank(BufferedReader in) throws IOException {
        in.mark(1 << 16);
        int c;
        do {
            c = in.read();
        } while (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\uFEFF');
        in.reset();
        return c;
    }

    // A pretty-printed document starts with a line holding only "{"; a JSON-lines file with a whole object on line 1.
    private static boolean singleLineObject(BufferedReader in) throws IOException {
        in.mark(1 << 16);
        String line;
        do {
            line = in.readLine();
        } while (line != null && line.isBlank());
        in.reset();
        String t = line == null ? "" : line.strip();
        return t.length() > 1 && t.endsWith("}") || t.length() >= (1 << 15);
    }

    private void lines(BufferedReader in, String file, Consumer<FlowRecord> sink) throws IOException {
        String line;
        int number = 0;
        while ((line = in.readLine()) != null) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            // The common case, one plain Enterprise record per line, straight into a record. The fast reader gives up
            // (null) on anything else (a wrapper, another shape, a value it does not take, bad JSON), which is then read
            // the general way, as before: the same record or the same error at the same place.
            FlowRecord plain = fast != null && line.stripLeading().startsWith("{")
                    ? fast.parse(line, SourceLocation.of(file, number, 1 + line.indexOf('{'))) : null;
            if (plain != null) {
                records++;
                sink.accept(plain);
            } else {
                general(line, file, number, sink);
            }
        }
    }

    private void general(String line, String file, int number, Consumer<FlowRecord> sink) throws IOException {
        if (line.stripLeading().startsWith("{") && !line.contains("\"hits\"") && !line.contains("\"items\"")) {
            // A record per line: one tree, no wrapper to look for.
            try {
                emit(LINE.readTree(line), SourceLocation.of(file, number, 1 + line.indexOf('{')), sink);
            } catch (JsonProcessingException e) {
                malformed(location(file, number - 1, e.getLocation()), "not valid JSON: " + e.getOriginalMessage());
            }
            return;
        }
        try (JsonParser p = MAPPER.createParser(line)) {
            while (p.nextToken() != null) {
                root(p, file, number - 1, sink);
            }
        } catch (JsonProcessingException e) {
            malformed(location(file, number - 1, e.getLocation()), "not valid JSON: " + e.getOriginalMessage());
        }
    }

    private void document(BufferedReader in, String file, Consumer<FlowRecord> sink) throws IOException {
        try (JsonParser p = MAPPER.createParser(in)) {
            while (p.nextToken() != null) {
                root(p, file, 0, sink);
            }
        } catch (JsonProcessingException e) {
            // Past a syntax error in one document nothing can be trusted: report it and stop reading this file.
            diagnostics.error(location(file, 0, e.getLocation()), "not valid JSON: " + e.getOriginalMessage());
        }
    }

    private void root(JsonParser p, String file, int lineOffset, Consumer<FlowRecord> sink) throws IOException {
        if (p.currentToken() == JsonToken.START_ARRAY) {
            while (p.nextToken() != JsonToken.END_ARRAY) {
                SourceLocation at = location(file, lineOffset, p.currentTokenLocation());
                emit(MAPPER.readTree(p), at, sink);
            }
        } else {
            element(p, file, lineOffset, sink);
        }
    }

    private void element(JsonParser p, String file, int lineOffset, Consumer<FlowRecord> sink) throws IOException {
        SourceLocation at = location(file, lineOffset, p.currentTokenLocation());
        if (p.currentToken() != JsonToken.START_OBJECT) {
            p.skipChildren();
            malformed(at, "expected a flow-log record (a JSON object)");
            return;
        }
        ObjectNode record = MAPPER.createObjectNode();
        boolean wrapper = false;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            if (name.equals("hits") && value == JsonToken.START_OBJECT) {
                wrapper = true;
                searchHits(p, file, lineOffset, sink);
            } else if (name.equals("items") && value == JsonToken.START_ARRAY) {
                wrapper = true;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    element(p, file, lineOffset, sink);
                }
            } else {
                record.set(name, MAPPER.readTree(p));
            }
        }
        if (!wrapper) {
            emit(record, at, sink);
        }
    }

    // Elasticsearch search response: {"hits": {"total": ..., "hits": [{"_index": ..., "_source": {record}}]}}.
    private void searchHits(JsonParser p, String file, int lineOffset, Consumer<FlowRecord> sink) throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            if (p.nextToken() == JsonToken.START_ARRAY && name.equals("hits")) {
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    SourceLocation at = location(file, lineOffset, p.currentTokenLocation());
                    JsonNode hit = MAPPER.readTree(p);
                    emit(hit.has("_source") ? hit.get("_source") : hit, at, sink);
                }
            } else {
                p.skipChildren();
            }
        }
    }

    private void emit(JsonNode node, SourceLocation at, Consumer<FlowRecord> sink) {
        FlowRecord r;
        try {
            r = RecordParser.parse(node, at);
        } catch (MalformedRecordException e) {
            malformed(at, e.getMessage());
            return;
        }
        records++;
        sink.accept(r);
    }

    private void malformed(SourceLocation at, String message) {
        if (skipMalformed) {
            skipped.add(new Skipped(at, message));
        } else {
            diagnostics.error(at, message);
        }
    }

    private static SourceLocation location(String file, int lineOffset, JsonLocation loc) {
        return loc == null || loc.getLineNr() < 1 ? SourceLocation.of(file)
                : SourceLocation.of(file, loc.getLineNr() + lineOffset, Math.max(0, loc.getColumnNr()));
    }
}
