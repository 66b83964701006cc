package io.calicogitops.audit.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calicogitops.diag.ClusterAccessException;
import io.calicogitops.model.ProductStamps;
import io.calicogitops.render.MergePatch;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Writes objects through the Kubernetes API (fabric8) for {@code calico-gitops apply}: create-or-update against the
 * read resourceVersion, server-side apply, delete. Objects are JSON trees and kinds {@code group/Kind}, so the apply
 * orchestration above it needs no fabric8 type. Calico kinds are written only through the Calico API
 * server ({@code projectcalico.org/v3}): writing the {@code crd.projectcalico.org/v1} storage CRDs directly bypasses
 * Calico's validation and defaulting (calico-semantics §6), so a cluster without it is refused before any write.
 * Kinds and plurals come from discovery, as for reading. Failures become {@link ClusterAccessException}s with the
 * operation, the object and the cause, credentials masked as the reader masks them.
 */
public final class KubeObjectWriter implements AutoCloseable {

    /** Tries of an update that keeps meeting a conflict (someone else wrote the object in between). */
    static final int CONFLICT_ATTEMPTS = 5;

    private final Config config;
    private final String context;
    private final AccessFailures failures;
    private final Duration conflictBackoff;
    private final Map<String, ServedKind> served = new HashMap<>();
    private KubernetesClient client;
    private ApiDiscovery discovery;
    private CalicoLayout layout;

    /** The kubeconfig rules of {@link KubeLiveReader#KubeLiveReader(Optional, Optional)}. */
    public KubeObjectWriter(Optional<Path> kubeconfig, Optional<String> context) {
        this(KubeLiveReader.withTimeouts(KubeLiveReader.loadConfig(kubeconfig.orElse(null), context.orElse(null)),
                KubeLiveReader.DEFAULT_REQUEST_TIMEOUT), context.orElse(null), Duration.ofMillis(200));
    }

    private KubeObjectWriter(Config config, String context, Duration conflictBackoff) {
        this.config = config;
        this.context = KubeLiveReader.contextOf(config, context);
        this.failures = KubeLiveReader.failures(config, this.context);
        this.conflictBackoff = conflictBackoff;
    }

    /** For tests: a writer on an existing configuration (e.g. a mock server's). */
    static KubeObjectWriter of(Config config, String context, Duration conflictBackoff) {
        return new KubeObjectWriter(KubeLiveReader.withTimeouts(new ConfigBuilder(config).build(),
                KubeLiveReader.DEFAULT_REQUEST_TIMEOUT), context, conflictBackoff);
    }

    /** Checks, before anything is written, that every kind ({@code group/Kind}) is served and may be written here. */
    public void prepare(Set<String> kinds) {
        for (String k : kinds) {
            servedKind(k);
        }
    }

    /** Deletes the object; one already gone counts as deleted. */
    public void delete(String kindKey, String namespace, String name) {
        ServedKind kind = servedKind(kindKey);
        call("delete " + what(kind, namespace, name), kind, () -> objects(kind, namespace).withName(name).delete());
    }

    /**
     * Server-side apply (PATCH {@code application/apply-patch+yaml}) as field manager {@code calico-gitops}, taking
     * over fields other managers own ({@code force}): Git is the source of truth. Partial objects need nothing
     * special: the patch holds only Git's fields, and the server keeps the others.
     */
    public void serverSideApply(String kindKey, String namespace, String name, JsonNode body) {
        ServedKind kind = servedKind(kindKey);
        String what = what(kind, namespace, name);
        try {
            objects(kind, namespace).resource(toResource(body.deepCopy()))
                    .fieldManager(ProductStamps.MANAGER).forceConflicts().serverSideApply();
        } catch (RuntimeException e) {
            int code = AccessFailures.code(e);
            if (code == 415 || code == 404 || code == 405) {
                throw rewrite("server-side apply " + what, kind, e, "the API server does not take server-side apply here ("
                        + failures.describe(e) + ")\n    hint: use --strategy update (Calico's API server fails server-side"
                        + " apply of policies: projectcalico/calico#12841)");
            }
            throw failed("server-side apply " + what, kind, e);
        }
    }

    /**
     * Create when absent, otherwise replace against the resourceVersion just read; a conflict (409) means someone
     * wrote in between, so read again, merge again and retry, a bounded number of times with a doubling pause.
     * A {@code partial} object keeps every field Git does not state: Git's fields are merged into the live object (RFC 7386).
     */
    public void update(String kindKey, String namespace, String name, JsonNode body, boolean partial) {
        ServedKind kind = servedKind(kindKey);
        String what = what(kind, namespace, name);
        var objects = objects(kind, namespace);
        long pause = conflictBackoff.toMillis();
        for (int attempt = 1; ; attempt++) {
            GenericKubernetesResource current = call("get " + what, kind, () -> objects.withName(name).get());
            try {
                if (current == null) {
                    objects.resource(toResource(body.deepCopy())).create();
                } else {
                    ObjectNode live = client.getKubernetesSerialization().convertValue(current, ObjectNode.class);
                    objects.resource(toResource(replacement(body, partial, live))).update();
                }
                return;
            } catch (RuntimeException e) {
                int code = AccessFailures.code(e);
                // 409: changed (or created) since we read it; 404: deleted since we read it. Both heal on a re-read.
                boolean raced = code == 409 || code == 404 && current != null;
                if (!raced || attempt >= CONFLICT_ATTEMPTS) {
                    throw failed((current == null ? "create " : "update ") + what
                            + (raced ? " (" + attempt + " attempts, the object kept changing)" : ""), kind, e);
                }
            }
            sleep(pause, what);
            pause *= 2;
        }
    }

    @Override
    public void close() {
        if (client != null) {
            client.close();
            client = null;
        }
    }

    /** The object to PUT: Git's whole object, or for a partial one the live object with Git's fields merged in. */
    private static JsonNode replacement(JsonNode desired, boolean partial, ObjectNode live) {
        ObjectNode body = partial ? (ObjectNode) MergePatch.apply(live, desired) : (ObjectNode) desired.deepCopy();
        JsonNode version = live.path("metadata").path("resourceVersion");
        if (version.isTextual()) {
            body.withObjectProperty("metadata").put("resourceVersion", version.asText());
        }
        return body;
    }

    private static String what(ServedKind kind, String namespace, String name) {
        return kind.display() + " " + (namespace.isEmpty() ? "" : namespace + "/") + name;
    }

    private ServedKind servedKind(String kindKey) {
        ServedKind known = served.get(kindKey);
        if (known != null) {
            return known;
        }
        KindKey key = KindKey.parse(kindKey);
        if (discovery == null) {
            discovery = new ApiDiscovery(client(), new BoundedGet(client(), ReadSettings.defaults()),
                    new RequestRetry(3, Duration.ofMillis(500), failures), failures);
            layout = discovery.calicoLayout();
        }
        if (key.isCalico() && layout != CalicoLayout.V3) {
            throw new ClusterAccessException("cannot write " + key + " in context '" + context + "': the Calico API server"
                    + " (projectcalico.org/v3) is not served (found: " + layout.description() + "); apply writes Calico"
                    + " resources only through it, never the crd.projectcalico.org/v1 storage CRDs"
                    + "\n    hint: install the Calico API server, or sync clusters/<name>/ with Argo CD or Flux");
        }
        ServedKind kind = discovery.resolve(key, layout);
        served.put(kindKey, kind);
        return kind;
    }

    /** The objects of one kind (in one namespace for a namespaced kind). */
    private NonNamespaceOperation<GenericKubernetesResource, GenericKubernetesResourceList, Resource<GenericKubernetesResource>> objects(ServedKind kind, String namespace) {
        ResourceDefinitionContext definition = new ResourceDefinitionContext.Builder()
                .withGroup(kind.group()).withVersion(kind.version()).withPlural(kind.plural())
                .withKind(kind.key().kind()).withNamespaced(kind.namespaced()).build();
        var all = client().genericKubernetesResources(definition);
        return kind.namespaced() ? all.inNamespace(namespace) : all;
    }

    private GenericKubernetesResource toResource(JsonNode body) {
        return client().getKubernetesSerialization().convertValue(body, GenericKubernetesResource.class);
    }

    private <T> T call(String operation, ServedKind kind, java.util.function.Supplier<T> request) {
        try {
            return request.get();
        } catch (RuntimeException e) {
            throw failed(operation, kind, e);
        }
    }

    private ClusterAccessException failed(String operation, ServedKind kind, RuntimeException e) {
        if (AccessFailures.code(e) == 403) {
            return rewrite(operation, kind, e, "forbidden (" + failures.describe(e) + "); apply needs get, list, create,"
                    + " update, patch and delete on " + kind.key()
                    + "\n    hint: the auditor's read-only ClusterRole is not enough to apply; bind a role that may write");
        }
        return failures.failure(operation, kind.key(), e, 1);
    }

    private ClusterAccessException rewrite(String operation, ServedKind kind, RuntimeException e, String why) {
        ClusterAccessException masked = failures.failure(operation, kind.key(), e, 1);
        return new ClusterAccessException(operation + " in context '" + context + "': " + why, masked.getCause());
    }

    private KubernetesClient client() {
        if (client == null) {
            client = KubeClients.open(config);
        }
        return client;
    }

    private void sleep(long millis, String what) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClusterAccessException("update " + what + " in context '" + context + "' was interrupted");
        }
    }
}
