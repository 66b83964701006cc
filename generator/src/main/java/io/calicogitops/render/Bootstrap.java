package io.calicogitops.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calicogitops.fleet.ClusterProfile;
import io.calicogitops.fleet.ClusterProfile.GitOps;
import io.calicogitops.model.Kinds;
import io.calicogitops.model.Resource;
import io.calicogitops.yaml.YamlWriter;

import java.nio.charset.StandardCharsets;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The objects that hand a cluster folder to Argo CD or Flux (profile key {@code gitops}): an Argo CD
 * {@code Application} and/or a Flux {@code Kustomization} pointing at {@code clusters/<name>}, written to
 * {@code bootstrap/<name>/} with a {@code kustomization.yaml}. They live outside the cluster folder on purpose: the
 * folder a tool syncs must not contain the object that makes it sync (deleting it from Git would delete the tool's
 * own Application). Apply them once to the cluster that runs Argo CD or Flux.
 */
public final class Bootstrap {

    /** Annotation that keeps Argo CD from deleting an object it no longer finds in Git. */
    public static final String ARGOCD_SYNC_OPTIONS = "argocd.argoproj.io/sync-options";
    /** Annotation that keeps Flux's garbage collection away from an object. */
    public static final String FLUX_PRUNE = "kustomize.toolkit.fluxcd.io/prune";

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private Bootstrap() {
    }

    /** The folder of a cluster's bootstrap objects. */
    public static String folder(String cluster) {
        return "bootstrap/" + cluster;
    }

    /** Name of the Application and the Kustomization. */
    public static String objectName(String cluster) {
        return "calico-gitops-" + cluster;
    }

    /** The files of {@code bootstrap/<name>/}; empty without a {@code gitops} block. */
    static SortedMap<String, byte[]> files(ClusterProfile p) {
        SortedMap<String, byte[]> files = new TreeMap<>();
        if (p.gitops().isEmpty()) {
            return files;
        }
        GitOps g = p.gitops().get();
        YamlWriter writer = new YamlWriter();
        String header = ClusterLayout.MARKER + " from the gitops block of the fleet profile of " + p.name()
                + ".\n# Do not edit: change the fleet profile, then render again.\n";
        g.argocd().ifPresent(a -> files.put("application.yaml", utf8(header + writer.write(application(p.name(), g, a)))));
        g.flux().ifPresent(f -> files.put("flux-kustomization.yaml", utf8(header + writer.write(kustomization(p.name(), g, f)))));
        StringBuilder k = new StringBuilder(ClusterLayout.MARKER).append(" for cluster ").append(p.name())
                .append(". Do not edit.\napiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n");
        files.keySet().forEach(name -> k.append("- ").append(name).append('\n'));
        files.put("kustomization.yaml", utf8(k.toString()));
        return files;
    }

    static ObjectNode application(String cluster, GitOps g, ClusterProfile.ArgoCd a) {
        ObjectNode app = JSON.objectNode();
        app.put("apiVersion", "argoproj.io/v1alpha1");
        app.put("kind", "Application");
        ObjectNode meta = app.putObject("metadata");
        meta.put("name", objectName(cluster));
        meta.put("namespace", a.namespace());
        meta.putObject("labels").put("app.kubernetes.io/managed-by", "calico-gitops");
        ObjectNode spec = app.putObject("spec");
        spec.put("project", a.project());
        ObjectNode source = spec.putObject("source");
        source.put("repoURL", g.repoUrl());
        source.put("targetRevision", g.revision());
        source.put("path", "clusters/" + cluster);
        ObjectNode destination = spec.putObject("destination");
        if (a.destinationName() != null) {
            destination.put("name", a.destinationName());
        } else {
            destination.put("server", a.server());
        }
        ObjectNode sync = spec.putObject("syncPolicy");
        if (a.automated()) {
            // prune removes policies deleted from Git; partial objects carry Prune=false, so they are never deleted.
            sync.putObject("automated").put("prune", true).put("selfHeal", true);
        }
        // Server-side apply: partial objects (FelixConfiguration default, Installation, annotated Services) state only
        // the fields this repository manages and must merge into what the operator and the application own.
        sync.putArray("syncOptions").add("ServerSideApply=true").add("ApplyOutOfSyncOnly=true");
        return app;
    }

    static ObjectNode kustomization(String cluster, GitOps g, ClusterProfile.Flux f) {
        ObjectNode k = JSON.objectNode();
        k.put("apiVersion", "kustomize.toolkit.fluxcd.io/v1");
        k.put("kind", "Kustomization");
        ObjectNode meta = k.putObject("metadata");
        meta.put("name", objectName(cluster));
        meta.put("namespace", f.namespace());
        meta.putObject("labels").put("app.kubernetes.io/managed-by", "calico-gitops");
        ObjectNode spec = k.putObject("spec");
        spec.put("interval", f.interval());
        spec.put("path", "./clusters/" + cluster);
        // Flux applies server-side; prune removes what Git removed, except objects annotated prune: disabled.
        spec.put("prune", true);
        spec.put("wait", false);
        ObjectNode ref = spec.putObject("sourceRef");
        ref.put("kind", "GitRepository");
        ref.put("name", f.sourceRef());
        return k;
    }

    /** {@code r} with the prune-protection annotations of the sync tools the profile names, when it is partial intent. */
    static Resource protect(ClusterProfile p, Resource r) {
        if (p.gitops().isEmpty() || !Kinds.isPartialIntent(r.id(), r.body())) {
            return r;
        }
        ObjectNode body = r.body().deepCopy();
        JsonNode meta = body.path("metadata");
        ObjectNode annotations = meta.has("annotations") && meta.get("annotations").isObject()
                ? (ObjectNode) meta.get("annotations") : ((ObjectNode) meta).putObject("annotations");
        GitOps g = p.gitops().get();
        if (g.argocd().isPresent()) {
            annotations.put(ARGOCD_SYNC_OPTIONS, "Prune=false,ServerSideApply=true");
        }
        if (g.flux().isPresent()) {
            annotations.put(FLUX_PRUNE, "disabled");
        }
        return new Resource(r.id(), body, r.origin());
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
