package io.calicogitops.audit.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calicogitops.model.Kinds;
import io.calicogitops.model.ResourceId;
import io.fabric8.kubernetes.api.model.APIGroupBuilder;
import io.fabric8.kubernetes.api.model.APIGroupListBuilder;
import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.APIResourceBuilder;
import io.fabric8.kubernetes.api.model.APIResourceListBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GroupVersionForDiscoveryBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Seeds fabric8's mock API server for every module's tests (exported in the auditor's test-jar): discovery documents
 * (which group versions and resources it serves) and objects created through the client, as kubectl would.
 */
final class MockApi {

    // Held so that the logger, and its level, are not garbage-collected.
    private static final Logger MOCK_LOG = Logger.getLogger("io.fabric8.mockwebserver");

    private final Map<String, List<APIResource>> byGroupVersion = new LinkedHashMap<>();

    /** Keeps the mock server from logging every request to the console. */
    static void quiet() {
        MOCK_LOG.setLevel(Level.WARNING);
    }

    /** Serves {@code plural} of {@code kind} in {@code groupVersion} ({@code v1} for the core group). */
    MockApi serve(String groupVersion, String plural, String kind, boolean namespaced) {
        List<APIResource> list = byGroupVersion.computeIfAbsent(groupVersion, gv -> new ArrayList<>());
        list.add(new APIResourceBuilder().withName(plural).withKind(kind).withNamespaced(namespaced)
                .withSingularName("").withVerbs("get", "list", "watch").build());
        // Real servers list subresources too; they carry the same kind and must be skipped.
        list.add(new APIResourceBuilder().withName(plural + "/status").withKind(kind).withNamespaced(namespaced)
                .withSingularName("").withVerbs("get", "patch").build());
        return this;
    }

    /** The Calico v3 kinds used by the tests, in {@code groupVersion} (projectcalico.org/v3 or crd.projectcalico.org/v1). */
    MockApi calico(String groupVersion) {
        return serve(groupVersion, "globalnetworkpolicies", "GlobalNetworkPolicy", false)
                .serve(groupVersion, "networkpolicies", "NetworkPolicy", true)
                .serve(groupVersion, "tiers", "Tier", false)
                .serve(groupVersion, "globalnetworksets", "GlobalNetworkSet", false)
                .serve(groupVersion, "felixconfigurations", "FelixConfiguration", false);
    }

    /** Serves {@code plural} of {@code kind}, namespaced or not as the product's kind table says. */
    MockApi serveKnown(String groupVersion, String plural, String kind) {
        return serve(groupVersion, plural, kind, Kinds.find(ResourceId.groupOf(groupVersion), kind).orElseThrow().namespaced());
    }

    /** Every Calico kind the product knows, except {@code except}, in {@code groupVersion}. */
    MockApi calicoKinds(String groupVersion, Set<String> except) {
        for (Kinds.Kind k : Kinds.all()) {
            if (k.group().equals(Kinds.CALICO_GROUP) && !except.contains(k.kind())) {
                serve(groupVersion, plural(k.kind()), k.kind(), k.namespaced());
            }
        }
        return this;
    }

    /** Every kind the product knows: Calico kinds in {@code calicoGroupVersion}, the others in their group's v1. */
    MockApi allKinds(String calicoGroupVersion) {
        for (Kinds.Kind k : Kinds.all()) {
            String groupVersion = k.group().equals(Kinds.CALICO_GROUP) ? calicoGroupVersion
                    : k.group().isEmpty() ? "v1" : k.group() + "/v1";
            serve(groupVersion, plural(k.kind()), k.kind(), k.namespaced());
        }
        return this;
    }

    /** The resource name the API server uses for a kind: lower case, plural. */
    static String plural(String kind) {
        String lower = kind.toLowerCase(Locale.ROOT);
        return lower.endsWith("y") ? lower.substring(0, lower.length() - 1) + "ies" : lower + "s";
    }

    /** Installs the discovery documents as expectations answered on every request. */
    void install(KubernetesMockServer server) {
        APIGroupListBuilder groups = new APIGroupListBuilder();
        byGroupVersion.forEach((gv, resources) -> {
            if (gv.contains("/")) {
                String group = gv.substring(0, gv.indexOf('/'));
                var version = new GroupVersionForDiscoveryBuilder().withGroupVersion(gv)
                        .withVersion(gv.substring(gv.indexOf('/') + 1)).build();
                groups.addToGroups(new APIGroupBuilder().withName(group).withVersions(version)
                        .withPreferredVersion(version).build());
            }
            String path = gv.contains("/") ? "/apis/" + gv : "/api/" + gv;
            server.expect().get().withPath(path)
                    .andReturn(200, new APIResourceListBuilder().withGroupVersion(gv).withResources(resources).build())
                    .always();
        });
        server.expect().get().withPath("/apis").andReturn(200, groups.build()).always();
    }

    /** Creates one object (YAML) through the client, as kubectl would; for mock servers in CRUD mode. */
    static void create(KubernetesClient client, String group, String version, String plural, boolean namespaced, String yaml) {
        GenericKubernetesResource object = client.getKubernetesSerialization().unmarshal(yaml, GenericKubernetesResource.class);
        var definition = new ResourceDefinitionContext.Builder().withGroup(group)
                .withVersion(version).withPlural(plural).withKind(object.getKind()).withNamespaced(namespaced).build();
        var op = client.genericKubernetesResources(definition);
        if (namespaced) {
            op.inNamespace(object.getMetadata().getNamespace()).resource(object).create();
        } else {
            op.resource(object).create();
        }
    }

    /**
     * Creates a copy of {@code body} through the client, as someone with kubectl would: a create request carries no
     * server fields (resourceVersion, uid, creationTimestamp), the mock assigns its own.
     */
    static void create(KubernetesClient client, JsonNode body) {
        ObjectNode copy = body.deepCopy();
        ((ObjectNode) copy.get("metadata")).remove(List.of("resourceVersion", "uid", "creationTimestamp"));
        GenericKubernetesResource object = client.getKubernetesSerialization().convertValue(copy, GenericKubernetesResource.class);
        var op = client.genericKubernetesResources(definition(copy.path("apiVersion").asText(), copy.path("kind").asText()));
        String namespace = object.getMetadata().getNamespace();
        (namespace == null ? op : op.inNamespace(namespace)).resource(object).create();
    }

    /** The resource of a kind the product knows, in {@code apiVersion}. */
    static ResourceDefinitionContext definition(String apiVersion, String kind) {
        boolean namespaced = Kinds.find(ResourceId.groupOf(apiVersion), kind).map(Kinds.Kind::namespaced).orElseThrow();
        int slash = apiVersion.indexOf('/');
        return new ResourceDefinitionContext.Builder()
                .withGroup(slash < 0 ? "" : apiVersion.substring(0, slash))
                .withVersion(apiVersion.substring(slash + 1))
                .withPlural(plural(kind)).withKind(kind).withNamespaced(namespaced).build();
    }
}
