package io.calicogitops.audit.live;

import io.fabric8.kubernetes.api.model.APIGroupBuilder;
import io.fabric8.kubernetes.api.model.APIGroupListBuilder;
import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.APIResourceBuilder;
import io.fabric8.kubernetes.api.model.APIResourceListBuilder;
import io.fabric8.kubernetes.api.model.GroupVersionForDiscoveryBuilder;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Discovery documents for a mock API server: which group versions and resources it serves. */
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
    static void create(io.fabric8.kubernetes.client.KubernetesClient client, String group, String version, String plural,
                       boolean namespaced, String yaml) {
        io.fabric8.kubernetes.api.model.GenericKubernetesResource object = client.getKubernetesSerialization()
                .unmarshal(yaml, io.fabric8.kubernetes.api.model.GenericKubernetesResource.class);
        var definition = new io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext.Builder().withGroup(group)
                .withVersion(version).withPlural(plural).withKind(object.getKind()).withNamespaced(namespaced).build();
        var op = client.genericKubernetesResources(definition);
        if (namespaced) {
            op.inNamespace(object.getMetadata().getNamespace()).resource(object).create();
        } else {
            op.resource(object).create();
        }
    }
}
