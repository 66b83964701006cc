package io.calicogitops.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calicogitops.diag.CalicoGitOpsException;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The built-in Kubernetes kinds (the GA versions of Kubernetes v1.35.0, see {@code kube-openapi/SOURCES.md}): their
 * scope, and each kind's OpenAPI schema with every {@code $ref} inlined, ready for {@link OpenApiConverter}, which
 * closes every object so that an unknown field is an error, as {@code kubectl apply --validate=strict} makes it.
 */
final class KubeOpenApi {

    static final String RESOURCE = "kube-openapi/kubernetes-v1.35.0.json";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String REF_PREFIX = "#/definitions/";

    /** One served kind: group ("" for core), version, kind, its definition's name and whether it is namespaced. */
    record Kind(String group, String version, String kind, String definition, boolean namespaced) {

        String apiVersion() {
            return group.isEmpty() ? version : group + "/" + version;
        }
    }

    private static final class Holder {
        static final KubeOpenApi SHARED = load();
    }

    private final List<Kind> kinds;
    private final JsonNode definitions;

    private KubeOpenApi(List<Kind> kinds, JsonNode definitions) {
        this.kinds = List.copyOf(kinds);
        this.definitions = definitions;
    }

    static KubeOpenApi shared() {
        return Holder.SHARED;
    }

    /** True if {@code group} is a built-in API group ("" is the core group). */
    boolean hasGroup(String group) {
        return kinds.stream().anyMatch(k -> k.group().equals(group));
    }

    /** Every served version of {@code kind} in {@code group}, oldest first (v1 before v2). */
    List<Kind> versions(String group, String kind) {
        return kinds.stream().filter(k -> k.group().equals(group) && k.kind().equals(kind)).toList();
    }

    Optional<Kind> find(String group, String version, String kind) {
        return versions(group, kind).stream().filter(k -> k.version().equals(version)).findFirst();
    }

    List<Kind> all() {
        return kinds;
    }

    /** The kind's schema with every reference replaced by its definition (a recursive one by "anything"). */
    JsonNode inlined(Kind kind) {
        return inline(definitions.get(kind.definition()), new HashSet<>(Set.of(kind.definition())));
    }

    private JsonNode inline(JsonNode node, Set<String> stack) {
        if (node.isArray()) {
            List<JsonNode> items = new ArrayList<>();
            node.forEach(n -> items.add(inline(n, stack)));
            return NODES.arrayNode().addAll(items);
        }
        if (!node.isObject()) {
            return node;
        }
        JsonNode ref = node.get("$ref");
        if (ref != null && ref.isTextual() && ref.asText().startsWith(REF_PREFIX)) {
            String name = ref.asText().substring(REF_PREFIX.length());
            Optional<JsonNode> special = special(name);
            if (special.isPresent()) {
                return special.get();
            }
            if (!stack.add(name)) {
                // JSONSchemaProps refers to itself; below the first level a CRD's own schema is not checked.
                return NODES.objectNode();
            }
            JsonNode out = inline(definitions.get(name), stack);
            stack.remove(name);
            return out;
        }
        ObjectNode out = NODES.objectNode();
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            out.set(e.getKey(), inline(e.getValue(), stack));
        }
        return out;
    }

    /**
     * Types whose Go JSON decoding accepts more than the swagger {@code type} says: IntOrString takes an integer or a
     * string (intstr.UnmarshalJSON), a Quantity a string or a number ({@code cpu: 1}, resource.Quantity.UnmarshalJSON).
     */
    private static Optional<JsonNode> special(String name) {
        return switch (name) {
            case "io.k8s.apimachinery.pkg.util.intstr.IntOrString" ->
                    Optional.of(NODES.objectNode().put("x-kubernetes-int-or-string", true));
            case "io.k8s.apimachinery.pkg.api.resource.Quantity" -> Optional.of(
                    NODES.objectNode().set("type", NODES.arrayNode().add("string").add("number")));
            default -> Optional.empty();
        };
    }

    private static KubeOpenApi load() {
        JsonNode root;
        try (InputStream in = KubeOpenApi.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new CalicoGitOpsException("bundled Kubernetes schema missing from the classpath: " + RESOURCE);
            }
            root = new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new CalicoGitOpsException("read bundled Kubernetes schema " + RESOURCE, e);
        }
        List<Kind> kinds = new ArrayList<>();
        for (JsonNode k : root.path("kinds")) {
            kinds.add(new Kind(k.path("group").asText(), k.path("version").asText(), k.path("kind").asText(),
                    k.path("definition").asText(), k.path("namespaced").asBoolean()));
        }
        return new KubeOpenApi(kinds, root.path("definitions"));
    }
}
