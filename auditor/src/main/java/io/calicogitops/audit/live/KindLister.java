package io.calicogitops.audit.live;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calicogitops.diag.ClusterAccessException;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.api.model.ListOptions;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Lists every object of one served kind in all namespaces, page by page with continue tokens, and returns them as
 * JSON trees. All pages or an exception: a list that breaks half-way is never returned in part.
 */
final class KindLister {

    private final KubernetesClient client;
    private final RequestRetry retry;
    private final int pageSize;

    KindLister(KubernetesClient client, RequestRetry retry, int pageSize) {
        this.client = client;
        this.retry = retry;
        this.pageSize = pageSize;
    }

    List<ObjectNode> list(ServedKind kind) {
        ResourceDefinitionContext definition = new ResourceDefinitionContext.Builder()
                .withGroup(kind.group())
                .withVersion(kind.version())
                .withPlural(kind.plural())
                .withKind(kind.key().kind())
                .withNamespaced(kind.namespaced())
                .build();
        var operation = client.genericKubernetesResources(definition).inAnyNamespace();
        List<ObjectNode> items = new ArrayList<>();
        Set<String> tokensSeen = new HashSet<>();
        String token = null;
        int page = 1;
        do {
            ListOptions options = new ListOptionsBuilder().withLimit((long) pageSize).withContinue(token).build();
            String what = "list " + kind.display() + (page > 1 ? " (page " + page + ", after " + items.size() + " objects)" : "");
            GenericKubernetesResourceList list = retry.get(what, kind.key(), () -> operation.list(options));
            for (GenericKubernetesResource item : list.getItems()) {
                items.add(toJson(item, kind));
            }
            token = list.getMetadata() == null ? null : list.getMetadata().getContinue();
            if (token != null && !token.isEmpty() && !tokensSeen.add(token)) {
                // A server that hands out the same token again would keep us listing forever.
                throw new ClusterAccessException(what + ": the server returned the same continue token twice");
            }
            page++;
        } while (token != null && !token.isEmpty());
        return items;
    }

    private ObjectNode toJson(GenericKubernetesResource item, ServedKind kind) {
        ObjectNode raw = client.getKubernetesSerialization().convertValue(item, ObjectNode.class);
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
