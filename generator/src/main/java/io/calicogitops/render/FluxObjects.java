package io.calicogitops.render;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calicogitops.fleet.ClusterProfile.Flux;
import io.calicogitops.fleet.ClusterProfile.GitOps;

import java.util.List;

/**
 * The Flux objects of a cluster's bootstrap folder: two Kustomizations, the policies' one {@code dependsOn} the Tiers'
 * one (see {@link SyncOrder}), and the {@code GitRepository} they read when it is not {@code flux bootstrap}'s own.
 * Each Kustomization reads a sub-folder of the cluster folder whose {@code kustomization.yaml} lists the files of its
 * stage as {@code ../<file>}: Flux builds with a file system confined to the source's root rather than to the
 * kustomization's folder (fluxcd/pkg#262), so the files stay where every other reader expects them.
 */
final class FluxObjects {

    /** The sub-folders of the cluster folder that the two Kustomizations read. */
    static final String TIERS_STAGE = "flux-tiers";
    static final String POLICIES_STAGE = "flux-policies";

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private FluxObjects() {
    }

    static String tiersName(String cluster) {
        return Bootstrap.objectName(cluster) + "-tiers";
    }

    static ObjectNode tiers(String cluster, String folder, Flux f) {
        return kustomization(tiersName(cluster), folder + "/" + TIERS_STAGE, f, List.of());
    }

    static ObjectNode policies(String cluster, String folder, Flux f) {
        return kustomization(Bootstrap.objectName(cluster), folder + "/" + POLICIES_STAGE, f, List.of(tiersName(cluster)));
    }

    private static ObjectNode kustomization(String name, String path, Flux f, List<String> dependsOn) {
        ObjectNode k = header("kustomize.toolkit.fluxcd.io/v1", "Kustomization", name, f.namespace());
        ObjectNode spec = k.putObject("spec");
        spec.put("interval", f.interval());
        spec.put("path", "./" + path);
        // Flux applies server-side; prune removes what Git removed, except objects annotated prune: disabled.
        spec.put("prune", true);
        spec.put("wait", false);
        // Ready once applied: that is when the policies' Kustomization may start (dependsOn waits for Ready).
        dependsOn.forEach(d -> spec.withArray("dependsOn").addObject().put("name", d));
        ObjectNode ref = spec.putObject("sourceRef");
        ref.put("kind", "GitRepository");
        ref.put("name", f.sourceRef());
        return k;
    }

    /** The GitRepository of {@code gitops.repoUrl}, for a sourceRef that is not flux bootstrap's. */
    static ObjectNode gitRepository(GitOps g, Flux f) {
        ObjectNode repo = header("source.toolkit.fluxcd.io/v1", "GitRepository", f.sourceRef(), f.namespace());
        ObjectNode spec = repo.putObject("spec");
        spec.put("interval", f.interval());
        spec.put("url", g.repoUrl());
        spec.putObject("ref").put("branch", g.revision());
        // Only the Secret's name: its content (token or SSH key) never enters the repository.
        f.sourceSecret().ifPresent(s -> spec.putObject("secretRef").put("name", s));
        return repo;
    }

    /** The {@code kustomization.yaml} of one stage folder, listing {@code ../<file>} for each file of the stage. */
    static String stageKustomization(String cluster, String stage, List<String> files) {
        StringBuilder b = new StringBuilder(ClusterLayout.MARKER).append(" for cluster ").append(cluster)
                .append(" (Flux stage ").append(stage).append("). Do not edit.\n")
                .append("apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\n")
                .append("sortOptions:\n  order: fifo\n");
        b.append(files.isEmpty() ? "resources: []\n" : "resources:\n");
        files.forEach(f -> b.append("- ../").append(f).append('\n'));
        return b.toString();
    }

    /** An object's head as every bootstrap object has it: kind, name, namespace and the managed-by label. */
    static ObjectNode header(String apiVersion, String kind, String name, String namespace) {
        ObjectNode o = JSON.objectNode();
        o.put("apiVersion", apiVersion);
        o.put("kind", kind);
        ObjectNode meta = o.putObject("metadata");
        meta.put("name", name);
        meta.put("namespace", namespace);
        meta.putObject("labels").put("app.kubernetes.io/managed-by", "calico-gitops");
        return o;
    }
}
