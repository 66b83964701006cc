package io.calicogitops.render;

import io.calicogitops.fleet.ClusterProfile;

import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Everything rendered for one cluster: the overlays applied, the resources, the files of {@code clusters/<name>/}, and
 * those of {@code bootstrap/<name>/} (the Argo CD / Flux objects; empty without a {@code gitops} block).
 */
public record ClusterRender(ClusterProfile profile, List<Overlay> overlays, List<String> packs,
                            List<RenderedResource> resources, SortedMap<String, byte[]> files,
                            SortedMap<String, byte[]> bootstrapFiles) {

    public ClusterRender {
        overlays = List.copyOf(overlays);
        packs = List.copyOf(packs);
        resources = List.copyOf(resources);
        files = new TreeMap<>(files);
        bootstrapFiles = new TreeMap<>(bootstrapFiles);
    }

    public ClusterRender(ClusterProfile profile, List<Overlay> overlays, List<String> packs,
                         List<RenderedResource> resources, SortedMap<String, byte[]> files) {
        this(profile, overlays, packs, resources, files, new TreeMap<>());
    }

    public String bootstrapFolder() {
        return Bootstrap.folder(profile.name());
    }

    public String folder() {
        return profile.folder();
    }
}
