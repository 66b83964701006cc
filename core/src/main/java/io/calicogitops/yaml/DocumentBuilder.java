package io.calicogitops.yaml;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import io.calicogitops.diag.Diagnostic;
import io.calicogitops.diag.Diagnostics;
import io.calicogitops.diag.SourceLocation;
import io.calicogitops.yaml.LocationIndex.Kind;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;

/**
 * Builds one document's tree and its {@link LocationIndex} in a single pass over the parser's tokens, without
 * recursion (so depth is only limited by {@link YamlLimits#maxDepth()}), expanding aliases through {@link Anchors}.
 */
final class DocumentBuilder {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private static final class Frame {
        final ContainerNode<?> node;
        // Null below the depth the index records: no pointer is built for what is not recorded.
        final String pointer;
        final int depth;
        final String anchor;
        final boolean discarded;
        String name;
        boolean duplicateName;

        Frame(ContainerNode<?> node, String pointer, int depth, String anchor, boolean discarded) {
            this.node = node;
            this.pointer = pointer;
            this.depth = depth;
            this.anchor = anchor;
            this.discarded = discarded;
        }
    }

    private final JsonParser parser;
    private final SourceText source;
    private final YamlLimits limits;
    private final Diagnostics diagnostics;
    private final LocationIndex index;
    private final Deque<Frame> stack = new ArrayDeque<>();
    private final Anchors anchors;
    private JsonNode root;
    private String placedAt;

    /**
     * On a {@link YAMLParser}, or on a JSON parser over text that is also YAML (see {@link JsonFastPath}), recording
     * into {@code index} the depths it records.
     */
    DocumentBuilder(JsonParser parser, SourceText source, LocationIndex index, YamlLimits limits, Diagnostics diagnostics) {
        this.parser = parser;
        this.source = source;
        this.limits = limits;
        this.diagnostics = diagnostics;
        this.index = index;
        this.anchors = new Anchors(limits);
    }

    LocationIndex index() {
        return index;
    }

    /** Reads the document whose first token the parser is on, through its last token. */
    JsonNode build() throws IOException {
        JsonToken token = parser.currentToken();
        while (true) {
            if (token == null) {
                throw stop("unexpected end of the document");
            }
            switch (token) {
                case FIELD_NAME -> fieldName();
                // Sized for the small mappings and lists Kubernetes objects are made of (Jackson's defaults hold 16
                // and 10 slots): a large audit holds millions of them.
                case START_OBJECT -> open(new ObjectNode(NODES, new LinkedHashMap<>(4)));
                case START_ARRAY -> open(new ArrayNode(NODES, 2));
                case END_OBJECT, END_ARRAY -> close();
                default -> scalar(token);
            }
            if (stack.isEmpty()) {
                return root;
            }
            token = parser.nextToken();
        }
    }

    private void fieldName() throws IOException {
        Frame frame = stack.element();
        String name = SharedScalars.key(parser.currentName());
        frame.name = name;
        frame.duplicateName = false;
        if (frame.discarded) {
            return;
        }
        boolean recorded = index.records(frame.depth + 1);
        String pointer = recorded ? LocationIndex.child(frame.pointer, name) : null;
        if (((ObjectNode) frame.node).has(name)) {
            SourceLocation at = here();
            frame.duplicateName = true;
            // Below the recorded depth the first key's line is unknown; the reader reads again with every location
            // whenever a partial reading finds a problem (YamlReader#withLocationDepth), so this text is never shown.
            diagnostics.error(at, "duplicate key '" + name + "'",
                    recorded ? "first defined at line " + index.locateKey(pointer).line() : "first defined above");
            return;
        }
        if (recorded) {
            index.putKey(pointer, here(), hereIndex());
        }
        if ("<<".equals(name) && ScalarColumns.style(source, hereIndex()) == ScalarStyle.PLAIN) {
            // Jackson has no YAML 1.1 merge keys: "<<" would silently become an ordinary field.
            diagnostics.error(here(), "merge keys ('<<') are not supported", "write the merged fields out in full");
        }
    }

    private void open(ContainerNode<?> node) throws IOException {
        if (stack.size() >= limits.maxDepth()) {
            throw stop("mappings and sequences are nested more than " + limits.maxDepth() + " levels deep");
        }
        String anchor = parser instanceof YAMLParser yaml ? yaml.getObjectId() : null;
        Frame parent = stack.peek();
        boolean kept = place(node, Kind.CONTAINER);
        if (anchor != null) {
            anchors.opened(anchor);
        }
        stack.push(new Frame(node, placedAt, parent == null ? 0 : parent.depth + 1, anchor, !kept));
    }

    private void close() {
        Frame frame = stack.pop();
        if (frame.anchor != null) {
            anchors.define(frame.anchor, frame.node);
        }
    }

    private void scalar(JsonToken token) throws IOException {
        if (parser instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
            alias(parser.getText());
            return;
        }
        // Jackson reports anchors of collections only, so those of scalars are read from the source (a token's
        // location costs more than the scalar: skipped where there can be none, in JSON or in a text without '&').
        String anchor = parser instanceof YAMLParser && source.mayHoldAnchors()
                ? ScalarColumns.anchor(source, hereIndex()) : null;
        JsonNode node = switch (token) {
            case VALUE_STRING -> SharedScalars.text(parser.getText());
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> number(token);
            case VALUE_TRUE -> NODES.booleanNode(true);
            case VALUE_FALSE -> NODES.booleanNode(false);
            case VALUE_EMBEDDED_OBJECT -> parser.getEmbeddedObject() instanceof byte[] bytes
                    ? NODES.binaryNode(bytes) : NODES.pojoNode(parser.getEmbeddedObject());
            default -> NODES.nullNode();
        };
        place(node, Kind.SCALAR);
        if (anchor != null) {
            anchors.define(anchor, node);
        }
    }

    private JsonNode number(JsonToken token) throws IOException {
        try {
            if (token == JsonToken.VALUE_NUMBER_FLOAT) {
                return NODES.numberNode(parser.getDoubleValue());
            }
            return switch (parser.getNumberType()) {
                case INT -> NODES.numberNode(parser.getIntValue());
                case LONG -> NODES.numberNode(parser.getLongValue());
                default -> NODES.numberNode(parser.getBigIntegerValue());
            };
        } catch (JsonProcessingException e) {
            // Jackson resolves .inf and .nan as floats but cannot convert them; over-long numbers hit its limits.
            String text = parser.getText();
            String shown = text.length() > 40 ? text.substring(0, 40) + "..." : text;
            diagnostics.error(here(), "cannot read number '" + shown + "'", "quote it if it is meant as a string");
            return NODES.textNode(text);
        }
    }

    private void alias(String name) throws IOException {
        String breach = anchors.limitBreachedBy(name, stack.size());
        if (breach != null) {
            throw stop(breach);
        }
        JsonNode copy = anchors.copy(name);
        if (copy == null) {
            diagnostics.error(here(), anchors.undefined(name));
        }
        place(copy == null ? NODES.nullNode() : copy, Kind.ALIAS);
    }

    /**
     * Attaches a value to its parent and records where it was written when the index records its depth; false when
     * it is discarded. Its pointer is left in {@link #placedAt} (null when not recorded).
     */
    private boolean place(JsonNode node, Kind kind) throws IOException {
        Frame parent = stack.peek();
        boolean recorded = index.records(parent == null ? 0 : parent.depth + 1);
        String pointer;
        boolean kept;
        if (parent == null) {
            root = node;
            pointer = "";
            kept = true;
        } else if (parent.node instanceof ArrayNode array) {
            pointer = recorded ? LocationIndex.child(parent.pointer, array.size()) : null;
            array.add(node);
            kept = !parent.discarded;
        } else {
            pointer = recorded ? LocationIndex.child(parent.pointer, parent.name) : null;
            // The value of a duplicate key is parsed but dropped, so the first definition stays in the tree.
            kept = !parent.discarded && !parent.duplicateName;
            if (kept) {
                ((ObjectNode) parent.node).set(parent.name, node);
            }
        }
        placedAt = pointer;
        if (!kept) {
            return false;
        }
        if (recorded) {
            index.putValue(pointer, here(), hereIndex(), kind);
        }
        return true;
    }

    private SourceLocation here() {
        JsonLocation at = parser.currentTokenLocation();
        return SourceLocation.of(index.file(), Math.max(0, at.getLineNr()), Math.max(0, at.getColumnNr()));
    }

    /** The string index of the current token's first character. */
    private int hereIndex() {
        return source.index(parser.currentTokenLocation().getCharOffset());
    }

    private StopReading stop(String message) {
        return new StopReading(Diagnostic.error(here(), message));
    }
}
