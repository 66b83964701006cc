package io.calicogitops.audit.live;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calicogitops.diag.ClusterAccessException;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Lists every object of one served kind in all namespaces, page by page with continue tokens, and returns them as
 * JSON trees. All pages or an exception: a list that breaks half-way is never returned in part. Each page is one
 * {@link BoundedGet} (deadline and size bound) checked by {@link ListPage} (kind, items, names).
 */
final class KindLister {

    private final KubernetesClient client;
    private final BoundedGet get;
    private final RequestRetry retry;
    private final int pageSize;

    KindLister(KubernetesClient client, BoundedGet get, RequestRetry retry, int pageSize) {
        this.client = client;
        this.get = get;
        this.retry = retry;
        this.pageSize = pageSize;
    }

    List<ObjectNode> list(ServedKind kind) {
        // The path fabric8 and kubectl use for a cluster-wide list; a namespaced kind is listed in all namespaces.
        String path = (kind.group().isEmpty() ? "/api/" + kind.version() : "/apis/" + kind.group() + "/" + kind.version())
                + "/" + kind.plural();
        List<ObjectNode> items = new ArrayList<>();
        Set<String> tokensSeen = new HashSet<>();
        String token = null;
        int page = 1;
        do {
            String query = (token == null ? "" : "continue=" + URLEncoder.encode(token, StandardCharsets.UTF_8) + "&")
                    + "limit=" + pageSize;
            String what = "list " + kind.display() + (page > 1 ? " (page " + page + ", after " + items.size() + " objects)" : "");
            ListPage list = retry.get(what, kind.key(), () -> ListPage.parse(get.body(path + "?" + query), kind));
            for (ObjectNode item : list.items()) {
                items.add(toJson(item, kind));
            }
            token = list.continueToken();
            if (token != null && !tokensSeen.add(token)) {
                // A server that hands out the same token again would keep us listing forever.
                throw new ClusterAccessException(what + ": the server returned the same continue token twice");
            }
            page++;
        } while (token != null);
        return items;
    }

    private ObjectNode toJson(ObjectNode item, ServedKind kind) {
        // Through fabric8's model, as before: the same normalisation of metadata whatever way the list was read.
        GenericKubernetesResource typed = client.getKubernetesSerialization().convertValue(item, GenericKubernetesResource.class);
        ObjectNode raw = client.getKubernetesSerialization().convertValue(typed, ObjectNode.class);
        // List responses of built-in kinds leave out each item's apiVersion and kind; the diff needs them.
        ObjectNode body = raw.objectNode();
        body.put("apiVersion", raw.hasNonNull("apiVersion") ? raw.get("apiVersion").asText() : kind.apiVersion());
        body.put("kind", raw.hasNonNull("kind") ? raw.get("kind").asText() : kind.key().kind());
        raw.remove("apiVersion");
        raw.remove("kind");
        body.setAll(raw);
        return body;
    }
}
