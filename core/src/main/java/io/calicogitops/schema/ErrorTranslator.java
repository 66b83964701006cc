package io.calicogitops.schema;

import io.calicogitops.diag.Suggestions;
import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.path.NodePath;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.StreamSupport;

/**
 * Turns networknt errors into one human sentence per document location, e.g.
 * {@code spec.ingress[0].action: must be one of Allow, Deny, Log, Pass (got 'Accept')}.
 */
final class ErrorTranslator {

    private static final Set<String> COMBINATORS = Set.of("anyOf", "oneOf", "allOf", "not");

    private final CrdFlavour flavour;
    private final JsonNode schema;
    private final Supplier<JsonNode> enterpriseSchema;

    /** {@code enterpriseSchema} supplies the same kind's Enterprise schema (or null) for hints on other flavours. */
    ErrorTranslator(CrdFlavour flavour, JsonNode schema, Supplier<JsonNode> enterpriseSchema) {
        this.flavour = flavour;
        this.schema = schema;
        this.enterpriseSchema = enterpriseSchema;
    }

    private record Ranked(int rank, Finding finding) {
    }

    List<Finding> translate(List<Error> errors) {
        Map<DocPath, List<String>> missing = new LinkedHashMap<>();
        Map<DocPath, Ranked> best = new LinkedHashMap<>();
        for (Error e : errors) {
            DocPath path = path(e.getInstanceLocation());
            if ("required".equals(e.getKeyword())) {
                List<String> names = missing.computeIfAbsent(path, p -> new ArrayList<>());
                if (!names.contains(e.getProperty())) {
                    names.add(e.getProperty());
                }
                continue;
            }
            Ranked r = rank(e, path);
            best.merge(r.finding().path(), r, (a, b) -> b.rank() < a.rank() ? b : a);
        }
        missing.forEach((path, names) -> best.merge(path, new Ranked(1, Finding.at(path,
                (names.size() == 1 ? "missing required field " : "missing required fields ") + Suggestions.andList(names))),
                (a, b) -> b.rank() < a.rank() ? b : a));
        // A failed anyOf/oneOf says nothing its branches' own errors do not say better.
        List<Finding> out = new ArrayList<>();
        for (Ranked r : best.values()) {
            if (r.rank() < 9 || best.keySet().stream().noneMatch(p -> !p.equals(r.finding().path())
                    && startsWith(p, r.finding().path()))) {
                out.add(r.finding());
            }
        }
        out.sort(Comparator.comparing(Finding::message));
        return out;
    }

    private Ranked rank(Error e, DocPath path) {
        JsonNode value = e.getInstanceNode();
        JsonNode keywordValue = e.getSchemaNode();
        String keyword = e.getKeyword();
        return switch (keyword) {
            case "type" -> new Ranked(0, Finding.at(path, "expected " + expected(keywordValue) + ", got " + jsonType(value)));
            case "additionalProperties" -> new Ranked(0, unknownField(path.child(e.getProperty())));
            case "enum" -> new Ranked(1, enumFinding(path, keywordValue, value));
            case "maxLength" -> new Ranked(2, Finding.at(path, "must be at most " + keywordValue + " characters long (got "
                    + value.asText().length() + ")"));
            case "minLength" -> new Ranked(2, Finding.at(path, "must be at least " + keywordValue
                    + " characters long (got " + value.asText().length() + ")"));
            case "maxItems" -> new Ranked(2, Finding.at(path, "must have at most " + keywordValue + " items (got "
                    + value.size() + ")"));
            case "minItems" -> new Ranked(2, Finding.at(path, "must have at least " + keywordValue + " items (got "
                    + value.size() + ")"));
            case "maximum" -> new Ranked(2, Finding.at(path, "must be at most " + keywordValue + " (got " + value + ")"));
            case "minimum" -> new Ranked(2, Finding.at(path, "must be at least " + keywordValue + " (got " + value + ")"));
            case "pattern" -> new Ranked(2, Finding.at(path, PatternPhrases.requirement(keywordValue.asText()) + " (got "
                    + show(value) + ")"));
            case "format" -> new Ranked(2, Finding.at(path, "must be a valid " + keywordValue.asText() + " (got "
                    + show(value) + ")"));
            case "uniqueItems" -> new Ranked(2, Finding.at(path, "must not contain duplicates (" + duplicate(value)
                    + " appears more than once)"));
            default -> new Ranked(COMBINATORS.contains(keyword) ? 9 : 3,
                    Finding.at(path, COMBINATORS.contains(keyword) ? "does not match any allowed form" : e.getMessage()));
        };
    }

    private Finding unknownField(DocPath field) {
        if (flavour == CrdFlavour.ENTERPRISE) {
            return Finding.at(field, "unknown field", didYouMean(field));
        }
        String detail = "unknown field in " + flavour.label();
        JsonNode enterprise = enterpriseSchema.get();
        if (enterprise != null && !SchemaWalk.at(enterprise, field).isMissingNode()) {
            return Finding.at(field, detail, "'" + field.last() + "' exists only in "
                    + CrdFlavour.ENTERPRISE.label());
        }
        return Finding.at(field, detail, didYouMean(field));
    }

    private String didYouMean(DocPath field) {
        DocPath parent = new DocPath(field.segments().subList(0, field.segments().size() - 1));
        List<String> close = Suggestions.closest(field.last(), SchemaWalk.propertyNames(schema, parent), 3);
        return close.isEmpty() ? null : "did you mean " + Suggestions.orList(close) + "?";
    }

    private static Finding enumFinding(DocPath path, JsonNode allowed, JsonNode value) {
        List<String> names = StreamSupport.stream(allowed.spliterator(), false).map(JsonNode::asText).toList();
        List<String> close = value.isTextual() ? Suggestions.closest(value.asText(), names, 1) : List.of();
        return Finding.at(path, "must be one of " + String.join(", ", names) + " (got " + show(value) + ")",
                close.isEmpty() ? null : "did you mean " + Suggestions.orList(close) + "?");
    }

    private static String expected(JsonNode type) {
        if (!type.isArray()) {
            return type.asText();
        }
        List<String> names = StreamSupport.stream(type.spliterator(), false).map(JsonNode::asText).toList();
        return String.join(" or ", names);
    }

    static String jsonType(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return "null";
        }
        if (value.isIntegralNumber()) {
            return "integer";
        }
        return value.isNumber() ? "number" : value.isTextual() ? "string" : value.isBoolean() ? "boolean"
                : value.isArray() ? "array" : "object";
    }

    /** A value as people wrote it: strings quoted, long values cut. */
    static String show(JsonNode value) {
        String text = value.isTextual() ? value.asText() : String.valueOf(value);
        if (text.length() > 60) {
            text = text.substring(0, 57) + "...";
        }
        return value.isTextual() ? "'" + text + "'" : text;
    }

    private static String duplicate(JsonNode array) {
        Set<JsonNode> seen = new HashSet<>();
        for (JsonNode item : array) {
            if (!seen.add(item)) {
                return show(item);
            }
        }
        return "an item";
    }

    private static DocPath path(NodePath location) {
        List<Object> segments = new ArrayList<>();
        for (int i = 0; i < location.getNameCount(); i++) {
            segments.add(location.getElement(i));
        }
        return new DocPath(segments);
    }

    private static boolean startsWith(DocPath p, DocPath prefix) {
        return p.segments().size() >= prefix.segments().size()
                && p.segments().subList(0, prefix.segments().size()).equals(prefix.segments());
    }
}
