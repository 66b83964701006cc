package io.calicogitops.schema;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cel.common.values.NullValue;
import dev.cel.runtime.CelEvaluationException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluates a CRD's {@code x-kubernetes-validations} rules against one document the way the API server does on
 * create: each rule with {@code self} bound to the value at the node carrying it, only where that value is present,
 * and a failed rule reported at that node (or at the rule's {@code fieldPath}) with the rule's message.
 */
final class CelCheck {

    private CelCheck() {
    }

    /**
     * The failed rules of {@code document} (already pruned of nulls). {@code reportErrors}: whether a rule that cannot
     * be evaluated (e.g. it reads a required field that is missing) is reported; callers pass false when the schema
     * already found errors, which are then the real cause.
     */
    static List<Finding> check(CelRules rules, JsonNode document, boolean reportErrors) {
        List<Finding> out = new ArrayList<>();
        if (!rules.root().anyRules() || !document.path("metadata").path("name").isTextual()) {
            // The API server never validates an object without a name; MetadataCheck reports it.
            return out;
        }
        Object self = rootValue(CelValues.of(document, rules.root()));
        walk(rules.root(), self, DocPath.ROOT, reportErrors, out);
        return out;
    }

    /** At the root, rules see only metadata.name and metadata.generateName, as in Kubernetes. */
    @SuppressWarnings("unchecked")
    private static Object rootValue(Object document) {
        Map<String, Object> root = new LinkedHashMap<>((Map<String, Object>) document);
        if (root.get("metadata") instanceof Map<?, ?> metadata) {
            Map<String, Object> kept = new LinkedHashMap<>();
            for (String key : List.of("name", "generateName")) {
                if (metadata.containsKey(key)) {
                    kept.put(key, metadata.get(key));
                }
            }
            root.put("metadata", kept);
        }
        return root;
    }

    private static void walk(CelRules.Node node, Object value, DocPath path, boolean reportErrors, List<Finding> out) {
        if (value == NullValue.NULL_VALUE) {
            // apiextensions-apiserver validates non-null values only; a nullable field left null is not checked.
            return;
        }
        for (CelRules.Rule rule : node.rules()) {
            evaluate(rule, value, path, reportErrors, out);
        }
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                CelRules.Node child = node.member((String) e.getKey());
                if (child != null && child.anyRules()) {
                    walk(child, e.getValue(), path.child(e.getKey()), reportErrors, out);
                }
            }
        } else if (value instanceof List<?> list && node.items() != null && node.items().anyRules()) {
            for (int i = 0; i < list.size(); i++) {
                walk(node.items(), list.get(i), path.child(i), reportErrors, out);
            }
        }
    }

    private static void evaluate(CelRules.Rule rule, Object self, DocPath path, boolean reportErrors,
                                 List<Finding> out) {
        if (rule.compiled().transition()) {
            // A transition rule (it reads oldSelf) compares with the stored object, so the API server evaluates it
            // only on update; a rendered commit is checked as a create, and there is no old object to compare with.
            return;
        }
        DocPath at = path;
        for (Object segment : rule.fieldPath()) {
            at = at.child(segment);
        }
        Object result;
        try {
            result = rule.compiled().eval(self);
        } catch (CelEvaluationException e) {
            if (reportErrors) {
                // The API server refuses the object too ("no such key: x evaluating rule: <rule>").
                out.add(Finding.at(at, "cannot evaluate rule '" + rule.source() + "': " + reason(e)));
            }
            return;
        }
        if (!Boolean.TRUE.equals(result)) {
            out.add(Finding.at(at, message(rule, self)));
        }
    }

    /** cel-java's message without its position inside the rule ("evaluation error at <input>:4: "). */
    private static String reason(Exception e) {
        String text = String.valueOf(e.getMessage()).replaceFirst("^evaluation error at <input>:\\d+: ", "");
        return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
    }

    /** messageExpression if it yields a non-blank string, else message, else "failed rule: <rule>" (as Kubernetes). */
    private static String message(CelRules.Rule rule, Object self) {
        if (rule.messageExpression() != null) {
            try {
                if (rule.messageExpression().eval(self) instanceof String text && !text.isBlank()) {
                    return text;
                }
            } catch (CelEvaluationException e) {
                // Kubernetes falls back to message when messageExpression fails; so do we.
            }
        }
        return rule.message().isEmpty() ? "failed rule: " + rule.source() : rule.message();
    }
}
