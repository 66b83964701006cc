package io.calicogitops.audit.live;

import io.calicogitops.diag.ClusterAccessException;
import io.calicogitops.model.Kinds;
import io.fabric8.kubernetes.api.model.APIGroup;
import io.fabric8.kubernetes.api.model.APIGroupList;
import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.api.model.GroupVersionForDiscovery;
import io.fabric8.kubernetes.client.KubernetesClient;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds out, from the API server's discovery documents, which Calico layout a cluster has and under which group,
 * version and plural each requested kind is served. Plurals come from discovery, never from guessing. Each
 * document is one {@link BoundedGet}, so discovery has the same deadline and size bound as the lists.
 * Not thread-safe: one per read.
 */
final class ApiDiscovery {

    private final KubernetesClient client;
    private final BoundedGet get;
    private final RequestRetry retry;
    private final AccessFailures failures;
    private final Map<String, Optional<APIResourceList>> resources = new HashMap<>();
    private APIGroupList groups;

    ApiDiscovery(KubernetesClient client, BoundedGet get, RequestRetry retry, AccessFailures failures) {
        this.client = client;
        this.get = get;
        this.retry = retry;
        this.failures = failures;
    }

    /** The v3 API when the cluster serves it (preferred: it is what users and calicoctl see), else the v1 CRDs. */
    CalicoLayout calicoLayout() {
        for (CalicoLayout layout : List.of(CalicoLayout.V3, CalicoLayout.V1_CRD)) {
            Optional<APIGroup> group = group(layout.group());
            if (group.isPresent() && versions(group.get()).contains(layout.version())) {
                return layout;
            }
        }
        return CalicoLayout.NONE;
    }

    /** Where {@code key} is served; a kind the cluster does not serve is a {@link ClusterAccessException}. */
    ServedKind resolve(KindKey key, CalicoLayout layout) {
        List<String> groupVersions = new ArrayList<>();
        if (key.isCalico()) {
            if (layout == CalicoLayout.NONE) {
                throw notServed(key, "neither projectcalico.org/v3 nor crd.projectcalico.org/v1 is served");
            }
            groupVersions.add(layout.group() + "/" + layout.version());
        } else if (key.group().isEmpty()) {
            groupVersions.add("v1");
        } else {
            APIGroup group = group(key.group())
                    .orElseThrow(() -> notServed(key, "API group " + key.group() + " is not served"));
            if (group.getPreferredVersion() != null) {
                groupVersions.add(group.getPreferredVersion().getGroupVersion());
            }
            for (GroupVersionForDiscovery v : group.getVersions() == null ? List.<GroupVersionForDiscovery>of() : group.getVersions()) {
                if (!groupVersions.contains(v.getGroupVersion())) {
                    groupVersions.add(v.getGroupVersion());
                }
            }
        }
        for (String groupVersion : groupVersions) {
            // A document with "resources": null serves nothing, like a missing one.
            List<APIResource> served = resources(groupVersion).map(APIResourceList::getResources).orElse(null);
            for (APIResource r : served == null ? List.<APIResource>of() : served) {
                // Subresources (status, scale) share the kind; their names hold a slash.
                if (key.kind().equals(r.getKind()) && r.getName() != null && !r.getName().contains("/")) {
                    int slash = groupVersion.indexOf('/');
                    String group = slash < 0 ? "" : groupVersion.substring(0, slash);
                    String version = groupVersion.substring(slash + 1);
                    return new ServedKind(key, group, version, r.getName(), Boolean.TRUE.equals(r.getNamespaced()));
                }
            }
        }
        throw notServed(key, "not in the discovery documents of " + String.join(", ", groupVersions));
    }

    private Optional<APIGroup> group(String name) {
        if (groups == null) {
            APIGroupList list = retry.get("discover API groups (GET /apis)", null,
                    () -> get.bodyUnless404("/apis").map(b -> parse(b, APIGroupList.class)).orElse(null));
            if (list == null) {
                throw new ClusterAccessException("discover API groups in context '" + failures.context()
                        + "': GET /apis returned 404 Not Found; is this a Kubernetes API server?");
            }
            groups = list;
        }
        return (groups.getGroups() == null ? List.<APIGroup>of() : groups.getGroups()).stream().filter(g -> name.equals(g.getName())).findFirst();
    }

    private Optional<APIResourceList> resources(String groupVersion) {
        Optional<APIResourceList> known = resources.get(groupVersion);
        if (known == null) {
            // fabric8 answers a 404 (group version not served) with null.
            String path = groupVersion.contains("/") ? "/apis/" + groupVersion : "/api/" + groupVersion;
            known = retry.get("discover resources of " + groupVersion, null,
                    () -> get.bodyUnless404(path).map(b -> parse(b, APIResourceList.class)));
            resources.put(groupVersion, known);
        }
        return known;
    }

    /** A discovery document; one that is not one is rejected like any unusable answer. */
    private <T> T parse(byte[] body, Class<T> type) {
        try {
            T parsed = client.getKubernetesSerialization().unmarshal(new String(body, StandardCharsets.UTF_8), type);
            if (parsed == null) {
                throw new ResponseRejectedException("the answer is empty, not a " + type.getSimpleName());
            }
            return parsed;
        } catch (ResponseRejectedException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ResponseRejectedException("the answer is not a " + type.getSimpleName() + " ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    private static List<String> versions(APIGroup group) {
        return (group.getVersions() == null ? List.<GroupVersionForDiscovery>of() : group.getVersions()).stream().map(GroupVersionForDiscovery::getVersion).toList();
    }

    private ClusterAccessException notServed(KindKey key, String why) {
        String hint = key.isCalico() || Kinds.OPERATOR_GROUP.equals(key.group())
                ? "\n    hint: is Calico (and, for Enterprise kinds, Calico Enterprise or Cloud) installed in this cluster?"
                : "\n    hint: install the CRD that serves it, or remove the kind from the repository";
        return new ClusterAccessException("kind " + key + " is not served by this cluster (context '"
                + failures.context() + "': " + why + ")" + hint);
    }
}
