package io.calicogitops.policy;

import com.fasterxml.jackson.databind.JsonNode;
import io.calicogitops.diag.Diagnostics;
import io.calicogitops.selector.Selector;
import io.calicogitops.selector.SelectorParseException;
import io.calicogitops.validate.Locator;

import java.util.ArrayList;
import java.util.List;

/** Reads selectors out of documents (errors with file, line and the selector's column) and converts Kubernetes label selectors. */
final class Selectors {

    private Selectors() {
    }

    /** The selector at {@code pointer}; null when absent or blank-as-absent is not wanted; reports parse errors. */
    static Selector read(JsonNode node, String pointer, Locator where, Diagnostics diagnostics, boolean blankIsAll) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return null;
        }
        String text = node.asText();
        if (text.isBlank() && !blankIsAll) {
            return null;
        }
        try {
            return Selector.parse(text);
        } catch (SelectorParseException e) {
            diagnostics.error(where.inScalar(pointer, e.column()), "selector: " + e.getMessage());
            return null;
        }
    }

    /** A Kubernetes LabelSelector (matchLabels, matchExpressions) as the equivalent Calico selector; {} is all(). */
    static Selector fromLabelSelector(JsonNode ls) {
        List<String> terms = new ArrayList<>();
        ls.path("matchLabels").fields().forEachRemaining(e -> terms.add(e.getKey() + " == " + quote(e.getValue().asText())));
        for (JsonNode ex : ls.path("matchExpressions")) {
            String key = ex.path("key").asText();
            List<String> values = new ArrayList<>();
            ex.path("values").forEach(v -> values.add(quote(v.asText())));
            String set = "{" + String.join(", ", values) + "}";
            switch (ex.path("operator").asText()) {
                case "In" -> terms.add(key + " in " + set);
                case "NotIn" -> terms.add(key + " not in " + set);
                case "Exists" -> terms.add("has(" + key + ")");
                case "DoesNotExist" -> terms.add("!has(" + key + ")");
                default -> terms.add("has(" + key + ") && !has(" + key + ")");
            }
        }
        return Selector.parse(terms.isEmpty() ? "all()" : String.join(" && ", terms));
    }

    private static String quote(String v) {
        return v.contains("\"") ? "'" + v + "'" : "\"" + v + "\"";
    }
}
