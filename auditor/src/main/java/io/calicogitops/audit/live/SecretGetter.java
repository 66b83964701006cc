package io.calicogitops.audit.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calicogitops.model.ResourceId;

import java.io.IOException;
import java.util.Optional;

/**
 * Reads one Secret by namespace and name ({@code GET /api/v1/namespaces/<ns>/secrets/<name>}); a 404 means the
 * cluster does not have it. The values stay in memory for the comparison only ({@code io.calicogitops.audit.Secrets}
 * masks them before anything is shown or kept). Never a list: that would fetch every credential of the cluster.
 * The request is a {@link BoundedGet} like every list page (total deadline, size bound), and an answer that is not
 * that Secret is refused with a message that never quotes the body (it holds the values).
 */
final class SecretGetter {

    /** The Secret kind as failures name it. */
    static final KindKey KIND = new KindKey("", "Secret");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final BoundedGet get;
    private final RequestRetry retry;

    SecretGetter(BoundedGet get, RequestRetry retry) {
        this.get = get;
        this.retry = retry;
    }

    /** The Secret's body with {@code apiVersion} and {@code kind}, or empty when the cluster has no such Secret. */
    Optional<ObjectNode> get(ResourceId id) {
        String what = "get Secret " + id.namespace() + "/" + id.name();
        String path = "/api/v1/namespaces/" + id.namespace() + "/secrets/" + id.name();
        Optional<byte[]> answer = retry.get(what, KIND, () -> get.bodyUnless404(path));
        return answer.map(bytes -> parse(bytes, id));
    }

    /**
     * Metadata-only Accept header: the API server answers with a {@code PartialObjectMetadata} (name, namespace,
     * labels, annotations), never {@code data} (the representation {@code kubectl get -o name} and the metadata
     * informers use, served since Kubernetes 1.15).
     */
    static final String METADATA_ONLY = "application/json;as=PartialObjectMetadata;g=meta.k8s.io;v=v1,application/json";

    /**
     * Whether the Secret exists, asking for its metadata only; the answer is a body with {@code apiVersion},
     * {@code kind} and {@code metadata.name}/{@code namespace} alone. Should a server ignore the metadata-only request
     * and send the whole Secret, nothing but those fields is kept.
     */
    Optional<ObjectNode> exists(ResourceId id) {
        String what = "get the metadata of Secret " + id.namespace() + "/" + id.name();
        String path = "/api/v1/namespaces/" + id.namespace() + "/secrets/" + id.name();
        Optional<byte[]> answer = retry.get(what, KIND, () -> get.bodyUnless404(path, METADATA_ONLY));
        return answer.map(bytes -> {
            ObjectNode full = parse(bytes, id, "PartialObjectMetadata");
            ObjectNode body = JSON.createObjectNode();
            body.put("apiVersion", "v1");
            body.put("kind", "Secret");
            body.putObject("metadata").put("name", id.name()).put("namespace", id.namespace());
            full.removeAll();
            return body;
        });
    }

    private static ObjectNode parse(byte[] bytes, ResourceId id) {
        return parse(bytes, id, "Secret");
    }

    private static ObjectNode parse(byte[] bytes, ResourceId id, String alsoKind) {
        JsonNode root;
        try {
            root = JSON.readTree(bytes);
        } catch (IOException e) {
            // Jackson's message quotes the offending token, which may be a value: say only what went wrong.
            throw new ResponseRejectedException("the answer is not a v1 Secret: it is not JSON");
        }
        if (root == null || !root.isObject()) {
            throw new ResponseRejectedException("the answer is not a v1 Secret: it is not a JSON object");
        }
        String kind = root.path("kind").asText("Secret");
        String name = root.path("metadata").path("name").asText("");
        String namespace = root.path("metadata").path("namespace").asText(id.namespace());
        if (!("Secret".equals(kind) || alsoKind.equals(kind)) || !id.name().equals(name) || !id.namespace().equals(namespace)) {
            throw new ResponseRejectedException("the answer is not the v1 Secret " + id.namespace() + "/" + id.name());
        }
        ObjectNode body = JSON.createObjectNode();
        body.put("apiVersion", "v1");
        body.put("kind", "Secret");
        root.fields().forEachRemaining(f -> {
            if (!f.getKey().equals("apiVersion") && !f.getKey().equals("kind")) {
                body.set(f.getKey(), f.getValue());
            }
        });
        return body;
    }
}
