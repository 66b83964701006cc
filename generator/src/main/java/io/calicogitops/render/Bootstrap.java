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
import java.util.List;
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
    // One writer for every cluster: each new one is a new ObjectMapper, whose serializers are looked up again.
    private static final YamlWriter WRITER = new YamlWriter();

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

    /**
     * The files of {@code bootstrap/<name>/}; empty without a {@code gitops} block. Argo CD: the Application (with
     * the ignoreDifferences of {@code resources}) and, unless it is Argo CD's {@code default}, the AppProject it
     * names. Flux: the Tiers' and the policies' Kustomizations, and the GitRepository unless it is flux bootstrap's.
     */
    static SortedMap<String, byte[]> files(ClusterProfile p, String clusterFolder, List<Resource> resources) {
        SortedMap<String, byte[]> files = new TreeMap<>();
        if (p.gitops().isEmpty()) {
            return files;
        }
        GitOps g = p.gitops().get();
        String header = ClusterLayout.MARKER + " from the gitops block of the fleet profile of " + p.name()
                + ".\n# Do not edit: change the fleet profile, then render again.\n";
        g.argocd().ifPresent(a -> {
            files.put("application.yaml", utf8(header + WRITER.write(ArgoCdObjects.application(p.name(), clusterFolder, g, a, p.calico(), resources))));
            if (ArgoCdObjects.rendersProject(a)) {
                files.put("appproject.yaml", utf8(header + WRITER.write(ArgoCdObjects.appProject(p.name(), g, a))));
            }
        });
        g.flux().ifPresent(f -> {
            files.put("flux-kustomization-tiers.yaml", utf8(header + WRITER.write(FluxObjects.tiers(p.name(), clusterFolder, f))));
            files.put("flux-kustomization.yaml", utf8(header + WRITER.write(FluxObjects.policies(p.name(), clusterFolder, f))));
            if (!f.bootstrapSource()) {
                files.put("flux-gitrepository.yaml", utf8(header + WRITER.write(FluxObjects.gitRepository(g, f))));
            }
        });
        StringBuilder k = new StringBuilder(ClusterLayout.MARKER).append(" for cluster ").append(p.name())
                .append(". Do not edit.\napiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n");
        files.keySet().forEach(name -> k.append("- ").append(name).append('\n'));
        files.put("kustomization.yaml", utf8(k.toString()));
        return files;
    }

    /**
     * {@code r} with the annotations of the sync tools the profile names: prune protection when it is partial intent,
     * and Argo CD's sync wave when it is a Tier, a network set or a policy ({@link SyncOrder}).
     */
    static Resource protect(ClusterProfile p, Resource r) {
        boolean partial = Kinds.isPartialIntent(r.id(), r.body());
        boolean waved = p.gitops().flatMap(GitOps::argocd).isPresent() && SyncOrder.wave(r.id()).isPresent();
        if (p.gitops().isEmpty() || !partial && !waved) {
            return r;
        }
        ObjectNode body = r.body().deepCopy();
        JsonNode meta = body.path("metadata");
        ObjectNode annotations = meta.has("annotations") && meta.get("annotations").isObject()
                ? (ObjectNode) meta.get("annotations") : ((ObjectNode) meta).putObject("annotations");
        GitOps g = p.gitops().get();
        if (g.argocd().isPresent() && partial) {
            annotations.put(ARGOCD_SYNC_OPTIONS, "Prune=false,ServerSideApply=true");
        }
        if (g.argocd().isPresent()) {
            SyncOrder.wave(r.id()).ifPresent(w -> annotations.put(SyncOrder.ARGOCD_SYNC_WAVE, w));
        }
        if (g.flux().isPresent() && partial) {
            annotations.put(FLUX_PRUNE, "disabled");
        }
        return new Resource(r.id(), body, r.origin());
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
