package io.calicogitops.audit.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * One page of a list answer, checked before anything in it is believed: a list that holds objects of another kind
 * (Tiers asked for, policies returned), {@code "items": null}, or an item without a name would otherwise read as a
 * cluster that has nothing, or something unnamed, and the audit would call it in sync. Kubernetes list items often
 * leave out {@code apiVersion} and {@code kind}; then the List's own {@code kind} ({@code TierList}) must say what
 * they are, as it does on a real API server; in Kubernetes' generic {@code v1 List} each item must name its own.
 */
record ListPage(List<ObjectNode> items, String continueToken) {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Problems named in one message; the rest are counted. */
    private static final int SHOWN = 5;

    /**
     * Parses and checks {@code body} as a page of {@code kind}; every item gets the served apiVersion and kind.
     *
     * @throws ResponseRejectedException naming what is wrong
     */
    static ListPage parse(byte[] body, ServedKind kind) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw rejected(kind, List.of("it is not JSON (" + e.getOriginalMessage() + ")"));
        } catch (IOException e) {
            throw rejected(kind, List.of("it cannot be read (" + e.getMessage() + ")"));
        }
        if (root == null || !root.isObject()) {
            throw rejected(kind, List.of("it is not a JSON object"));
        }
        List<String> problems = new ArrayList<>();
        String listKind = text(root, "kind");
        boolean listSaysKind = (kind.key().kind() + "List").equals(listKind);
        String listApiVersion = text(root, "apiVersion");
        // "v1 List" is Kubernetes' generic list (kubectl's, and fabric8's mock server's): its items must name their kind.
        boolean generic = "List".equals(listKind) && "v1".equals(listApiVersion);
        if (listKind != null && !listSaysKind && !generic) {
            problems.add("the list is a " + listKind);
        }
        if (listApiVersion != null && !generic && !listApiVersion.equals(kind.apiVersion())) {
            problems.add("the list's apiVersion is " + listApiVersion);
        }
        JsonNode items = root.get("items");
        if (items == null || !items.isArray()) {
            problems.add("\"items\" is " + (items == null ? "missing" : items.isNull() ? "null" : "a " + items.getNodeType().name().toLowerCase(java.util.Locale.ROOT))
                    + ", not an array");
            throw rejected(kind, problems);
        }
        List<ObjectNode> checked = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            if (!(item instanceof ObjectNode object)) {
                problems.add("items[" + i + "] is not an object");
                continue;
            }
            String at = "items[" + i + "]";
            String name = text(object.path("metadata"), "name");
            String shown = name == null ? at : at + " (" + name + ")";
            String itemKind = text(object, "kind");
            String itemApiVersion = text(object, "apiVersion");
            if (itemKind != null && !itemKind.equals(kind.key().kind())) {
                problems.add(shown + " is a " + itemKind);
            } else if (itemKind == null && !listSaysKind) {
                problems.add(shown + " has no kind, and the list does not say which kind it holds");
            }
            if (itemApiVersion != null && !itemApiVersion.equals(kind.apiVersion())) {
                problems.add(shown + " has apiVersion " + itemApiVersion);
            }
            if (name == null || name.isEmpty()) {
                problems.add(at + " has no metadata.name");
            }
            String namespace = text(object.path("metadata"), "namespace");
            if (kind.namespaced() && (namespace == null || namespace.isEmpty())) {
                problems.add(shown + " has no metadata.namespace, but " + kind.key().kind() + " is namespaced");
            }
            checked.add(object);
        }
        if (!problems.isEmpty()) {
            throw rejected(kind, problems);
        }
        JsonNode token = root.path("metadata").path("continue");
        return new ListPage(checked, token.isTextual() && !token.asText().isEmpty() ? token.asText() : null);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isTextual() ? value.asText() : null;
    }

    private static ResponseRejectedException rejected(ServedKind kind, List<String> problems) {
        String shown = String.join("; ", problems.subList(0, Math.min(SHOWN, problems.size())));
        String more = problems.size() > SHOWN ? "; and " + (problems.size() - SHOWN) + " more" : "";
        return new ResponseRejectedException("the answer is not a list of " + kind.apiVersion() + " "
                + kind.key().kind() + ": " + shown + more);
    }
}
