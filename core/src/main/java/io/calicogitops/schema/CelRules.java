package io.calicogitops.schema;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cel.common.CelValidationException;
import io.calicogitops.diag.CalicoGitOpsException;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code x-kubernetes-validations} rules of one CRD version, each compiled once when the CRD is loaded, on a tree
 * that mirrors the raw {@code openAPIV3Schema} (rules may sit on any node, including array items and map values).
 * The tree also keeps what turning a document into CEL values needs: each node's type and its properties' defaults.
 */
final class CelRules {

    /**
     * One rule. {@code fieldPath} (relative to the node, as segments) is where a failure is reported, if the CRD says;
     * {@code messageExpression} is null when absent.
     */
    record Rule(String source, KubeCel.Compiled compiled, String message, KubeCel.Compiled messageExpression,
                String reason, List<Object> fieldPath) {
    }

    /** One schema node. {@code anyRules} is true when this node or a node below it carries a rule. */
    record Node(String type, boolean intOrString, Map<String, Node> properties, Node items, Node additional,
                Map<String, JsonNode> defaults, List<Rule> rules, boolean anyRules) {

        /** The node describing member {@code key} of an object value, or null when the schema does not say. */
        Node member(String key) {
            Node property = properties.get(key);
            return property != null ? property : additional;
        }
    }

    private final Node root;
    private final int count;

    private CelRules(Node root, int count) {
        this.root = root;
        this.count = count;
    }

    Node root() {
        return root;
    }

    /** How many rules this CRD version carries. */
    int count() {
        return count;
    }

    /**
     * Parses every rule of {@code openApiSchema} (type-checked on first use, see {@link KubeCel.Compiled}). A rule that
     * does not compile is a defect of the bundled CRD, so it is an internal error; SchemaCelRulesTest compiles and
     * type-checks every bundled rule.
     */
    static CelRules compile(JsonNode openApiSchema, String resource) {
        int[] count = {0};
        Node root = node(openApiSchema, resource, DocPath.ROOT, count);
        return new CelRules(root, count[0]);
    }

    private static Node node(JsonNode schema, String resource, DocPath path, int[] count) {
        Map<String, Node> properties = new LinkedHashMap<>();
        Map<String, JsonNode> defaults = new LinkedHashMap<>();
        boolean anyRules = false;
        for (Map.Entry<String, JsonNode> p : schema.path("properties").properties()) {
            Node child = node(p.getValue(), resource, path.child(p.getKey()), count);
            properties.put(p.getKey(), child);
            anyRules |= child.anyRules();
            if (p.getValue().has("default")) {
                defaults.put(p.getKey(), p.getValue().get("default"));
            }
        }
        Node items = schema.path("items").isObject() ? node(schema.get("items"), resource, path.child(0), count) : null;
        Node additional = schema.path("additionalProperties").isObject()
                ? node(schema.get("additionalProperties"), resource, path.child("*"), count) : null;
        List<Rule> rules = new ArrayList<>();
        for (JsonNode r : schema.path("x-kubernetes-validations")) {
            rules.add(rule(r, resource, path));
            count[0]++;
        }
        anyRules |= !rules.isEmpty() || items != null && items.anyRules() || additional != null && additional.anyRules();
        return new Node(schema.path("type").asText(""), schema.path("x-kubernetes-int-or-string").asBoolean(false),
                Collections.unmodifiableMap(properties), items, additional, Collections.unmodifiableMap(defaults),
                List.copyOf(rules), anyRules);
    }

    private static Rule rule(JsonNode r, String resource, DocPath path) {
        String source = r.path("rule").asText();
        try {
            KubeCel.Compiled messageExpression = r.hasNonNull("messageExpression")
                    ? KubeCel.compile(r.get("messageExpression").asText()) : null;
            return new Rule(source, KubeCel.compile(source), r.path("message").asText(""), messageExpression,
                    r.path("reason").asText("FieldValueInvalid"), fieldPath(r.path("fieldPath").asText("")));
        } catch (CelValidationException | IllegalArgumentException e) {
            throw new CalicoGitOpsException("bundled CRD " + resource + " has a CEL rule at " + path.display()
                    + " that does not compile: " + source + ": " + e.getMessage(), e);
        }
    }

    /** Kubernetes' fieldPath syntax: {@code .a.b}, {@code ['a.b']}, {@code [0]}, relative to the rule's node. */
    static List<Object> fieldPath(String text) {
        List<Object> segments = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '.') {
                int end = i + 1;
                while (end < text.length() && text.charAt(end) != '.' && text.charAt(end) != '[') {
                    end++;
                }
                segments.add(text.substring(i + 1, end));
                i = end;
            } else if (c == '[' && text.indexOf(']', i) > i) {
                int end = text.indexOf(']', i);
                String inner = text.substring(i + 1, end);
                boolean quoted = inner.length() >= 2 && (inner.charAt(0) == '\'' || inner.charAt(0) == '"');
                segments.add(quoted ? inner.substring(1, inner.length() - 1)
                        : inner.chars().allMatch(Character::isDigit) && !inner.isEmpty() ? Integer.valueOf(inner) : inner);
                i = end + 1;
            } else {
                throw new IllegalArgumentException("invalid fieldPath '" + text + "'");
            }
        }
        return List.copyOf(segments);
    }
}
