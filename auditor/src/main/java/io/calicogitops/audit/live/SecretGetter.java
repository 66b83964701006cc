package io.calicogitops.audit.live;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calicogitops.model.ResourceId;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;

import java.util.Optional;

/**
 * Reads one Secret by namespace and name ({@code GET /api/v1/namespaces/<ns>/secrets/<name>}); a 404 means the
 * cluster does not have it. The values stay in memory for the comparison only ({@code io.calicogitops.audit.Secrets}
 * masks them before anything is shown or kept). Never a list: that would fetch every credential of the cluster.
 */
final class SecretGetter {

    /** The Secret kind as failures name it. */
    static final KindKey KIND = new KindKey("", "Secret");

    private final KubernetesClient client;
    private final RequestRetry retry;

    SecretGetter(KubernetesClient client, RequestRetry retry) {
        this.client = client;
        this.retry = retry;
    }

    /** The Secret's body with {@code apiVersion} and {@code kind}, or empty when the cluster has no such Secret. */
    Optional<ObjectNode> get(ResourceId id) {
        String what = "get Secret " + id.namespace() + "/" + id.name();
        // fabric8's get() answers a 404 with null, which is what "missing" means here.
        Secret secret = retry.get(what, KIND, () -> client.secrets().inNamespace(id.namespace()).withName(id.name()).get());
        if (secret == null) {
            return Optional.empty();
        }
        ObjectNode raw = client.getKubernetesSerialization().convertValue(secret, ObjectNode.class);
        ObjectNode body = raw.objectNode();
        body.put("apiVersion", "v1");
        body.put("kind", "Secret");
        raw.remove("apiVersion");
        raw.remove("kind");
        body.setAll(raw);
        return Optional.of(body);
    }
}
