package io.calicogitops.render;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calicogitops.fleet.ClusterProfile.ArgoCd;
import io.calicogitops.fleet.ClusterProfile.GitOps;
import io.calicogitops.model.Kinds;
import io.calicogitops.model.Resource;
import io.calicogitops.validate.CalicoTarget;

import java.util.Comparator;
import java.util.List;

/** The Argo CD objects of a cluster's bootstrap folder: the {@code Application}, and the {@code AppProject} it names. */
final class ArgoCdObjects {

    /** Argo CD's own project, which every installation has and which the generator must never overwrite. */
    static final String DEFAULT_PROJECT = "default";

    private ArgoCdObjects() {
    }

    static ObjectNode application(String cluster, String path, GitOps g, ArgoCd a, CalicoTarget target,
                                  List<Resource> resources) {
        ObjectNode app = header("Application", Bootstrap.objectName(cluster), a.namespace());
        ObjectNode spec = app.putObject("spec");
        spec.put("project", a.project());
        ObjectNode source = spec.putObject("source");
        source.put("repoURL", g.repoUrl());
        source.put("targetRevision", g.revision());
        source.put("path", path);
        destination(spec.putObject("destination"), a);
        ObjectNode sync = spec.putObject("syncPolicy");
        if (a.automated()) {
            // prune removes policies deleted from Git; partial objects carry Prune=false, so they are never deleted.
            sync.putObject("automated").put("prune", true).put("selfHeal", true);
        }
        // Server-side apply: partial objects (FelixConfiguration default, Installation, annotated Services) state only
        // the fields this repository manages and must merge into what the operator and the application own.
        // RespectIgnoreDifferences: the fields the Calico API server defaults (ignoreDifferences) are left as the
        // server set them instead of being re-applied on every sync.
        // Where server-side apply cannot create policies (OSS 3.32, projectcalico/calico#12841) the Application applies
        // client-side, and only the partial objects keep server-side apply through their own sync-options annotation.
        ArrayNode options = sync.putArray("syncOptions");
        if (target.serverSideApplyCreatesPolicies()) {
            options.add("ServerSideApply=true");
        }
        options.add("ApplyOutOfSyncOnly=true").add("RespectIgnoreDifferences=true");
        spec.set("ignoreDifferences", IgnoreDifferences.rules(resources));
        return app;
    }

    /**
     * The project the Application names, allowed exactly what the generator renders: this repository as the source,
     * this cluster as the destination, and the kinds the product knows ({@link Kinds#all()}), cluster-scoped and
     * namespaced apart (Argo CD refuses to sync a cluster-scoped kind a project does not whitelist). Not rendered for
     * Argo CD's {@code default} project, which exists already and allows everything.
     */
    static ObjectNode appProject(String cluster, GitOps g, ArgoCd a) {
        ObjectNode project = header("AppProject", a.project(), a.namespace());
        ObjectNode spec = project.putObject("spec");
        spec.put("description", "Calico policy and settings rendered by calico-gitops for cluster " + cluster);
        spec.putArray("sourceRepos").add(g.repoUrl());
        destination(spec.putArray("destinations").addObject(), a).put("namespace", "*");
        List<Kinds.Kind> kinds = Kinds.all().stream()
                .sorted(Comparator.comparing(Kinds.Kind::group).thenComparing(Kinds.Kind::kind)).toList();
        ArrayNode cluster_ = spec.putArray("clusterResourceWhitelist");
        ArrayNode namespaced = spec.putArray("namespaceResourceWhitelist");
        for (Kinds.Kind k : kinds) {
            (k.namespaced() ? namespaced : cluster_).addObject().put("group", k.group()).put("kind", k.kind());
        }
        return project;
    }

    static boolean rendersProject(ArgoCd a) {
        return !DEFAULT_PROJECT.equals(a.project());
    }

    private static ObjectNode destination(ObjectNode destination, ArgoCd a) {
        if (a.destinationName() != null) {
            destination.put("name", a.destinationName());
        } else {
            destination.put("server", a.server());
        }
        return destination;
    }

    private static ObjectNode header(String kind, String name, String namespace) {
        return FluxObjects.header("argoproj.io/v1alpha1", kind, name, namespace);
    }
}
