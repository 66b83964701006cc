package io.calicogitops.audit;

import io.calicogitops.diag.Diagnostics;
import io.calicogitops.diag.SourceLocation;
import io.calicogitops.diag.UsageException;
import io.calicogitops.git.GitRepo;
import io.calicogitops.model.RepoLayout;
import io.calicogitops.model.Resource;
import io.calicogitops.model.ResourceId;
import io.calicogitops.progress.Progress;
import io.calicogitops.render.CalicoTargetStamp;
import io.calicogitops.validate.CalicoTarget;
import io.calicogitops.validate.Locator;
import io.calicogitops.validate.Names;
import io.calicogitops.yaml.YamlDocument;
import io.calicogitops.yaml.YamlReader;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

/**
 * What Git says a cluster should run: every document of {@code clusters/<name>/} at a commit, read straight from the
 * object database (no checkout), keyed by identity, with where each one is written, and the Calico the cluster runs
 * (stamped on the folder's kustomization by the generator, see {@link CalicoTargetStamp}).
 */
public record DesiredState(String commit, Map<ResourceId, Resource> resources, Map<ResourceId, Locator> locations,
                           CalicoTarget target) {

    public DesiredState {
        java.util.Objects.requireNonNull(target, "target");
    }

    /** A desired state for Calico Cloud, the target of a cluster folder that names none. */
    public DesiredState(String commit, Map<ResourceId, Resource> resources, Map<ResourceId, Locator> locations) {
        this(commit, resources, locations, CalicoTarget.CLOUD);
    }

    public static DesiredState read(GitRepo git, String commit, String cluster) {
        return read(git, commit, cluster, Progress.none());
    }

    /** Reads the folder, counting the files parsed on {@code progress}. */
    public static DesiredState read(GitRepo git, String commit, String cluster, Progress progress) {
        // The name becomes a path: only a DNS label (no '/', '..', spaces or shell characters) may get that far.
        Names.checkLabel(cluster).ifPresent(problem -> {
            throw new UsageException("cluster name '" + Names.printable(cluster) + "': " + problem);
        });
        // clusters/<name>/calico/ (RepoLayout), else clusters/<name>/ as rendered before: both audit the same way.
        SortedMap<String, byte[]> current = git.readTree(commit, RepoLayout.folder(cluster));
        String folder = current.isEmpty() ? RepoLayout.clusterRoot(cluster) : RepoLayout.folder(cluster);
        SortedMap<String, byte[]> files = current.isEmpty() ? git.readTree(commit, folder) : current;
        if (files.isEmpty()) {
            throw new UsageException("no folder " + RepoLayout.folder(cluster) + "/ (nor " + RepoLayout.clusterRoot(cluster)
                    + "/) at commit " + commit.substring(0, 12) + " (render the cluster first, or check --cluster and --ref)");
        }
        List<Map.Entry<String, byte[]>> resourceFiles = files.entrySet().stream()
                .filter(e -> isResourceFile(folder, e.getKey())).toList();
        // Only each document's start is located up front (where the audit says a resource is written); a finding
        // deeper in a document (a selector's column, for reach and lint) reads that file's locations again on demand.
        YamlReader reader = new YamlReader().withLocationDepth(0);
        // Files are parsed in parallel (a cluster can hold thousands), then taken in path order as before.
        List<ParsedFile> parsed;
        try (Progress.Task task = progress.start("audit: read Git", "files", resourceFiles.size())) {
            parsed = resourceFiles.parallelStream().map(e -> {
                Diagnostics found = new Diagnostics();
                List<YamlDocument> docs = reader.read(e.getValue(), e.getKey(), found);
                task.advance();
                return new ParsedFile(docs, found);
            }).toList();
        }
        Diagnostics diagnostics = new Diagnostics();
        Map<ResourceId, Resource> resources = new LinkedHashMap<>();
        Map<ResourceId, Locator> locations = new LinkedHashMap<>();
        for (ParsedFile file : parsed) {
            diagnostics.addAll(file.diagnostics().sorted());
            for (YamlDocument doc : file.documents()) {
                if (!doc.body().isObject() || !doc.body().path("kind").isTextual()) {
                    diagnostics.error(doc.location(), "not a Kubernetes object (no kind)");
                    continue;
                }
                Resource r = Resource.of(doc.body(), doc.location());
                Resource previous = resources.putIfAbsent(r.id(), r);
                if (previous != null) {
                    diagnostics.error(doc.location(), "duplicate " + r.id().display() + ", also at " + previous.origin());
                } else {
                    locations.put(r.id(), Locator.of(doc.locations()));
                }
            }
        }
        CalicoTarget target = target(files.get(folder + "/kustomization.yaml"), folder + "/kustomization.yaml", reader,
                diagnostics);
        diagnostics.throwIfErrors("desired state " + folder + " at " + commit.substring(0, 12));
        return new DesiredState(commit, resources, locations, target);
    }

    private static CalicoTarget target(byte[] kustomization, String path, YamlReader reader, Diagnostics diagnostics) {
        if (kustomization == null) {
            return CalicoTarget.CLOUD;
        }
        Diagnostics ignored = new Diagnostics();
        List<YamlDocument> docs = reader.read(kustomization, path, ignored);
        if (docs.isEmpty() || !docs.get(0).body().isObject()) {
            return CalicoTarget.CLOUD;
        }
        Optional<CalicoTarget> target = CalicoTargetStamp.read(docs.get(0).body());
        if (target.isEmpty()) {
            diagnostics.error(docs.get(0).location(), "metadata.annotations: names a Calico target this version does not "
                    + "support", "render the cluster again with this version of calico-gitops");
        }
        return target.orElse(CalicoTarget.CLOUD);
    }

    private record ParsedFile(List<YamlDocument> documents, Diagnostics diagnostics) {
    }

    /** The YAML files directly in the folder, but not Kustomize's own. */
    private static boolean isResourceFile(String folder, String path) {
        return (path.endsWith(".yaml") || path.endsWith(".yml")) && !path.endsWith("/kustomization.yaml")
                && !path.substring(folder.length() + 1).contains("/");
    }

    public SourceLocation where(ResourceId id) {
        return resources.get(id).origin();
    }
}
