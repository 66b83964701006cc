package io.calicogitops.schema;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks {@code metadata}, which CRD schemas leave as a bare {@code type: object}: name, namespace versus scope, and
 * string-only labels and annotations, as the API server's ObjectMeta validation would.
 */
final class MetadataCheck {

    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    private static final Pattern SUBDOMAIN = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
    private static final DocPath METADATA = DocPath.of("metadata");

    /**
     * What the rules depend on: the kind, whether it is namespaced, whether its names carry a tier prefix, and whether
     * the scope is known at all (a kind with no known schema may be namespaced or not; the API server will tell).
     */
    record Rules(String kind, boolean namespaced, boolean tieredPolicy, boolean scopeKnown) {

        Rules(String kind, boolean namespaced, boolean tieredPolicy) {
            this(kind, namespaced, tieredPolicy, true);
        }
    }

    private MetadataCheck() {
    }

    static List<Finding> check(JsonNode document, Rules rules) {
        List<Finding> out = new ArrayList<>();
        JsonNode metadata = document.get("metadata");
        if (metadata == null || metadata.isNull()) {
            out.add(Finding.at(DocPath.ROOT, "missing required field 'metadata'"));
            return out;
        }
        if (!metadata.isObject()) {
            out.add(Finding.at(METADATA, "expected object, got " + ErrorTranslator.jsonType(metadata)));
            return out;
        }
        checkName(metadata.get("name"), rules, out);
        checkNamespace(metadata.get("namespace"), rules, out);
        checkStringMap(metadata, "labels", out);
        checkStringMap(metadata, "annotations", out);
        return out;
    }

    private static void checkName(JsonNode name, Rules rules, List<Finding> out) {
        DocPath at = METADATA.child("name");
        if (name == null || name.isNull()) {
            out.add(Finding.at(METADATA, "missing required field 'name'"));
        } else if (!name.isTextual()) {
            out.add(Finding.at(at, "expected string, got " + ErrorTranslator.jsonType(name)));
        } else if (rules.kind().equals("Namespace")) {
            // Namespace names are single DNS labels: no dots. (Tier names are too; validate.ManifestValidator says so.)
            if (!isLabel(name.asText())) {
                out.add(Finding.at(at, ErrorTranslator.show(name) + " is not a valid " + rules.kind() + " name"
                        + " (DNS-1123 label: lower-case letters, digits and '-', starting and ending with a letter"
                        + " or digit, at most 63 characters)"));
            }
        } else if (!isSubdomain(name.asText())) {
            out.add(Finding.at(at, ErrorTranslator.show(name) + " is not a valid name (DNS-1123 subdomain: lower-case"
                    + " letters, digits, '-' and '.', starting and ending with a letter or digit, at most 253 characters)"));
        } else if (rules.tieredPolicy() && name.asText().chars().filter(c -> c == '.').count() > 1
                && !(rules.namespaced() && name.asText().matches("(knp|ossg)\\.default\\..+"))) {
            // Calico's policy name regex is ^label(\.label)?$ : the only dot separates the tier prefix. Namespaced
            // policies may also carry the names Calico gives converted Kubernetes policies, knp.default.<subdomain>
            // (validator.go networkPolicyNameRegex).
            out.add(Finding.at(at, ErrorTranslator.show(name) + " has more than one dot (a Calico policy name is"
                    + " '<tier>.<name>' or '<name>')"));
        }
    }

    private static void checkNamespace(JsonNode namespace, Rules rules, List<Finding> out) {
        DocPath at = METADATA.child("namespace");
        boolean present = namespace != null && !namespace.isNull();
        if (!rules.scopeKnown()) {
            if (present && (!namespace.isTextual() || !isLabel(namespace.asText()))) {
                out.add(Finding.at(at, namespace.isTextual() ? ErrorTranslator.show(namespace) + " is not a valid"
                        + " namespace name (DNS-1123 label: lower-case letters, digits and '-', at most 63 characters)"
                        : "expected string, got " + ErrorTranslator.jsonType(namespace)));
            }
        } else if (rules.namespaced() && !present) {
            out.add(Finding.at(METADATA, "missing required field 'namespace' (" + rules.kind() + " is namespaced)"));
        } else if (!rules.namespaced() && present) {
            out.add(Finding.at(at, rules.kind() + " is cluster-scoped and takes no namespace",
                    "remove metadata.namespace"));
        } else if (present && !namespace.isTextual()) {
            out.add(Finding.at(at, "expected string, got " + ErrorTranslator.jsonType(namespace)));
        } else if (present && !isLabel(namespace.asText())) {
            out.add(Finding.at(at, ErrorTranslator.show(namespace) + " is not a valid namespace name (DNS-1123 label:"
                    + " lower-case letters, digits and '-', at most 63 characters)"));
        }
    }

    private static void checkStringMap(JsonNode metadata, String field, List<Finding> out) {
        JsonNode map = metadata.get(field);
        DocPath at = METADATA.child(field);
        if (map == null || map.isNull()) {
            return;
        }
        if (!map.isObject()) {
            out.add(Finding.at(at, "expected object, got " + ErrorTranslator.jsonType(map)));
            return;
        }
        for (Map.Entry<String, JsonNode> e : map.properties()) {
            JsonNode value = e.getValue();
            if (!value.isTextual()) {
                // YAML reads true, 1.0 and null as non-strings; Kubernetes metadata values are strings only.
                out.add(Finding.at(at.child(e.getKey()), "expected string, got " + ErrorTranslator.jsonType(value),
                        value.isNull() ? "write '' for an empty value" : "quote the value: '" + value.asText() + "'"));
            }
        }
    }

    static boolean isLabel(String s) {
        return s.length() <= 63 && LABEL.matcher(s).matches();
    }

    static boolean isSubdomain(String s) {
        return s.length() <= 253 && SUBDOMAIN.matcher(s).matches();
    }
}
