package io.calicogitops.audit;

import io.calicogitops.diag.Diagnostics;
import io.calicogitops.diag.SourceLocation;
import io.calicogitops.diag.UsageException;
import io.calicogitops.git.GitRepo;
import io.calicogitops.model.Resource;
import io.calicogitops.model.ResourceId;
import io.calicogitops.validate.Locator;
import io.calicogitops.validate.Names;
import io.calicogitops.yaml.YamlDocument;
import io.calicogitops.yaml.YamlReader;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;

/**
 * What Git says a cluster should run: every document of {@code clusters/<name>/} at a commit, read straight from the
 * object database (no checkout), keyed by identity, with where each one is written.
 */
public record DesiredState(String commit, Map<ResourceId, Resource> resources, Map<ResourceId, Locator> locations) {

    public static DesiredState read(GitRepo git, String commit, String cluster) {
        // The name becomes a path: only a DNS label (no '/', '..', spaces or shell characters) may get that far.
        Names.checkLabel(cluster).ifPresent(problem -> {
            throw new UsageException("cluster name '" + Names.printable(cluster) + "': " + problem);
        });
        String folder = "clusters/" + cluster;
        SortedMap<String, byte[]> files = git.readTree(commit, folder);
        if (files.isEmpty()) {
            throw new UsageException("no folder " + folder + "/ at commit " + commit.substring(0, 12)
                    + " (render the cluster first, or check --cluster and --ref)");
        }
        Diagnostics diagnostics = new Diagnostics();
        YamlReader reader = new YamlReader();
        Map<ResourceId, Resource> resources = new LinkedHashMap<>();
        Map<ResourceId, Locator> locations = new LinkedHashMap<>();
        files.forEach((path, bytes) -> {
            if (!path.endsWith(".yaml") && !path.endsWith(".yml") || path.endsWith("/kustomization.yaml")
                    || path.substring(folder.length() + 1).contains("/")) {
                return;
            }
            for (YamlDocument doc : reader.read(bytes, path, diagnostics)) {
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
        });
        diagnostics.throwIfErrors("desired state " + folder + " at " + commit.substring(0, 12));
        return new DesiredState(commit, resources, locations);
    }

    public SourceLocation where(ResourceId id) {
        return resources.get(id).origin();
    }
}
