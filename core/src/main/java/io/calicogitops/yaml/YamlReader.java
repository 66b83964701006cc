package io.calicogitops.yaml;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import io.calicogitops.diag.Diagnostics;
import io.calicogitops.diag.SourceLocation;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads multi-document YAML into trees with source locations, reporting every problem as a diagnostic at its
 * line and column instead of throwing. A problem that breaks the parser stops that file; documents read before
 * it are kept. Empty documents (nothing but {@code ---}, comments and whitespace, or just a null) are skipped.
 * Scalars get the types Jackson's YAML tree reading gives them; aliases are expanded (merge keys are not supported).
 * Thread-safe.
 */
public final class YamlReader {

    private final YamlLimits limits;
    private final YAMLFactory factory;
    private final JsonFastPath json;
    private final int locationDepth;

    public YamlReader() {
        this(YamlLimits.defaults());
    }

    public YamlReader(YamlLimits limits) {
        this(limits, Integer.MAX_VALUE);
    }

    private YamlReader(YamlLimits limits, int locationDepth) {
        this.limits = limits;
        this.locationDepth = locationDepth;
        LoaderOptions loader = new LoaderOptions();
        loader.setCodePointLimit(limits.maxDocumentCodePoints());
        // Our own limits must trip before Jackson's, so that the user sees the message that names the limit.
        StreamReadConstraints constraints = StreamReadConstraints.builder()
                .maxNestingDepth(Math.max(limits.maxDepth() + 1, StreamReadConstraints.DEFAULT_MAX_DEPTH))
                .maxStringLength(Math.max(limits.maxDocumentCodePoints(), StreamReadConstraints.DEFAULT_MAX_STRING_LEN))
                .build();
        this.factory = YAMLFactory.builder().loaderOptions(loader).streamReadConstraints(constraints)
                // The builder starts from no parser features, unlike new YAMLFactory(): without this, an empty
                // value ("key:") reads as "" where Jackson's tree reading gives null.
                .enable(YAMLParser.Feature.EMPTY_STRING_AS_NULL)
                .build();
        this.json = new JsonFastPath(limits);
    }

    public YamlLimits limits() {
        return limits;
    }

    /**
     * A reader whose documents record the locations of values and keys down to {@code depth} only (0: the document
     * itself, 2: the items of a {@code List}); a deeper pointer is located by reading the text again, in full, on
     * first use. Trees, document lines and diagnostics are those of a full reading: whenever a text has a problem it
     * is read again in full, so that every message is the one a full reading gives.
     */
    public YamlReader withLocationDepth(int depth) {
        if (depth < 0) {
            throw new IllegalArgumentException("depth " + depth);
        }
        return new YamlReader(limits, depth);
    }

    /** Reads a file; an unreadable file is reported at {@code displayPath} and gives no documents. */
    public List<YamlDocument> readFile(Path file, String displayPath, Diagnostics diagnostics) {
        try {
            if (Files.size(file) > limits.maxFileBytes()) {
                return tooLarge(displayPath, diagnostics);
            }
            return read(Files.readAllBytes(file), displayPath, diagnostics);
        } catch (NoSuchFileException e) {
            diagnostics.error(SourceLocation.of(displayPath), "file not found");
        } catch (IOException e) {
            diagnostics.error(SourceLocation.of(displayPath), "cannot read file: " + e.getMessage());
        }
        return List.of();
    }

    /** Reads UTF-8 bytes (a leading byte order mark is allowed); invalid UTF-8 is reported with its byte offset. */
    public List<YamlDocument> read(byte[] bytes, String displayPath, Diagnostics diagnostics) {
        if (bytes.length > limits.maxFileBytes()) {
            return tooLarge(displayPath, diagnostics);
        }
        String text = StrictUtf8.decode(bytes, displayPath, diagnostics);
        return text == null ? List.of() : read(text, displayPath, diagnostics);
    }

    /** Reads YAML text; {@code displayPath} is the file name used in every location. */
    public List<YamlDocument> read(String text, String displayPath, Diagnostics diagnostics) {
        // Stripped so that columns on the first line match what editors show.
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        if (locationDepth == Integer.MAX_VALUE) {
            return readFull(body, displayPath, diagnostics);
        }
        SourceText source = new SourceText(body);
        Lazy<List<YamlDocument>> full = new Lazy<>(() -> readFull(body, displayPath, new Diagnostics()));
        IntFunction<LocationIndex> indexOf = i -> new LocationIndex(displayPath, source, locationDepth,
                () -> full.get().get(i).locations());
        Diagnostics found = new Diagnostics();
        Optional<List<YamlDocument>> fast = json.read(body, source, displayPath, indexOf);
        if (fast.isEmpty() && locationDepth == 0) {
            // Only the documents' own locations are recorded: plain block YAML is read without the YAML parser.
            fast = new BlockFastPath(limits).read(body, source, displayPath, indexOf);
        }
        List<YamlDocument> documents = fast.isPresent() ? fast.get() : readYaml(body, source, displayPath, found, indexOf);
        if (!found.sorted().isEmpty()) {
            // Read again with every location, so that each message and hint is exactly a full reading's.
            return readFull(body, displayPath, diagnostics);
        }
        return documents;
    }

    /** Every location recorded while reading. */
    private List<YamlDocument> readFull(String body, String displayPath, Diagnostics diagnostics) {
        SourceText source = new SourceText(body);
        // JSON (kubectl get -o json) through the JSON parser: the same trees and locations, several times faster.
        Optional<List<YamlDocument>> fast = json.read(body, source, displayPath);
        return fast.isPresent() ? fast.get() : readYaml(body, source, displayPath, diagnostics);
    }

    /** The YAML parser's reading, even of JSON text (tests compare it with the fast path). */
    List<YamlDocument> readYaml(String body, SourceText source, String displayPath, Diagnostics diagnostics) {
        return readYaml(body, source, displayPath, diagnostics, i -> new LocationIndex(displayPath, source));
    }

    private List<YamlDocument> readYaml(String body, SourceText source, String displayPath, Diagnostics diagnostics,
                                        IntFunction<LocationIndex> indexOf) {
        int longLine = source.firstLineLongerThan(limits.maxLineChars());
        if (longLine > 0) {
            diagnostics.error(SourceLocation.of(displayPath, longLine, limits.maxLineChars() + 1),
                    "line " + longLine + " is longer than the limit of " + limits.maxLineChars() + " characters; the file was not read",
                    "break the value over several lines (a folded block scalar '>-' or a list)");
            return List.of();
        }
        List<YamlDocument> documents = new ArrayList<>();
        int seen = 0;
        try (YAMLParser parser = factory.createParser(new StringReader(body))) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                JsonLocation start = parser.currentTokenLocation();
                if (++seen > limits.maxDocumentsPerFile()) {
                    diagnostics.error(SourceLocation.of(displayPath, start.getLineNr(), start.getColumnNr()),
                            "more than " + limits.maxDocumentsPerFile() + " documents in one file");
                    break;
                }
                if (token == JsonToken.VALUE_NULL) {
                    // An empty document (or a plain null one), as kubectl skips them.
                    continue;
                }
                DocumentBuilder builder = new DocumentBuilder(parser, source, indexOf.apply(documents.size()), limits,
                        diagnostics);
                documents.add(new YamlDocument(displayPath, documents.size(), start.getLineNr(), builder.build(),
                        builder.index()));
            }
        } catch (StopReading stop) {
            diagnostics.add(stop.diagnostic());
        } catch (IOException | YAMLException e) {
            diagnostics.add(ParseErrors.toDiagnostic(e, displayPath, limits));
        }
        return List.copyOf(documents);
    }

    /** The only document of a text, empty if it has none; more than one is reported as an error. */
    public Optional<YamlDocument> readOne(String text, String displayPath, Diagnostics diagnostics) {
        List<YamlDocument> documents = read(text, displayPath, diagnostics);
        if (documents.size() > 1) {
            diagnostics.error(documents.get(1).location(),
                    "expected a single YAML document, found " + documents.size());
        }
        return documents.stream().findFirst();
    }

    private List<YamlDocument> tooLarge(String displayPath, Diagnostics diagnostics) {
        diagnostics.error(SourceLocation.of(displayPath), "file is larger than the limit of " + limits.maxFileBytes() + " bytes");
        return List.of();
    }
}
