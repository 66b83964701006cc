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

/**
 * Builds one document's tree and its {@link LocationIndex} in a single pass over the parser's tokens, without
 * recursion (so depth is only limited by {@link YamlLimits#maxDepth()}), expanding aliases through {@link Anchors}.
 */
final class DocumentBuilder {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private static final class Frame {
        final ContainerNode<?> node;
        final String pointer;
        final String anchor;
        final boolean discarded;
        String name;
        boolean duplicateName;

        Frame(ContainerNode<?> node, String pointer, String anchor, boolean discarded) {
            this.node = node;
            this.pointer = pointer;
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

    /** On a {@link YAMLParser}, or on a JSON parser over text that is also YAML (see {@link JsonFastPath}). */
    DocumentBuilder(JsonParser parser, SourceText source, String file, YamlLimits limits, Diagnostics diagnostics) {
        this.parser = parser;
        this.source = source;
        this.limits = limits;
        this.diagnostics = diagnostics;
        this.index = new LocationIndex(file, source);
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
                case START_OBJECT -> open(NODES.objectNode());
                case START_ARRAY -> open(NODES.arrayNode());
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
        String name = parser.currentName();
        frame.name = name;
        frame.duplicateName = false;
        if (frame.discarded) {
            return;
        }
        SourceLocation at = here();
        String pointer = LocationIndex.child(frame.pointer, name);
        if (((ObjectNode) frame.node).has(name)) {
            frame.duplicateName = true;
            diagnostics.error(at, "duplicate key '" + name + "'", "first defined at line " + index.locateKey(pointer).line());
            return;
        }
        index.putKey(pointer, at, hereIndex());
        if ("<<".equals(name) && ScalarColumns.style(source, hereIndex()) == ScalarStyle.PLAIN) {
            // Jackson has no YAML 1.1 merge keys: "<<" would silently become an ordinary field.
            diagnostics.error(at, "merge keys ('<<') are not supported", "write the merged fields out in full");
        }
    }

    private void open(ContainerNode<?> node) throws IOException {
        if (stack.size() >= limits.maxDepth()) {
            throw stop("mappings and sequences are nested more than " + limits.maxDepth() + " levels deep");
        }
        String anchor = parser instanceof YAMLParser yaml ? yaml.getObjectId() : null;
        String pointer = place(node, Kind.CONTAINER);
        if (anchor != null) {
            anchors.opened(anchor);
        }
        stack.push(new Frame(node, pointer, anchor, pointer == null));
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
        // Jackson reports anchors of collections only, so those of scalars are read from the source.
        String anchor = ScalarColumns.anchor(source, hereIndex());
        JsonNode node = switch (token) {
            case VALUE_STRING -> NODES.textNode(parser.getText());
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

    /** Attaches a value to its parent and records where it was written; null when it is discarded. */
    private String place(JsonNode node, Kind kind) throws IOException {
        Frame parent = stack.peek();
        String pointer;
        boolean kept;
        if (parent == null) {
            root = node;
            pointer = "";
            kept = true;
        } else if (parent.node instanceof ArrayNode array) {
            pointer = LocationIndex.child(parent.pointer, array.size());
            array.add(node);
            kept = !parent.discarded;
        } else {
            pointer = LocationIndex.child(parent.pointer, parent.name);
            // The value of a duplicate key is parsed but dropped, so the first definition stays in the tree.
            kept = !parent.discarded && !parent.duplicateName;
            if (kept) {
                ((ObjectNode) parent.node).set(parent.name, node);
            }
        }
        if (!kept) {
            return null;
        }
        index.putValue(pointer, here(), hereIndex(), kind);
        return pointer;
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
