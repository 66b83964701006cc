package io.calicogitops.render;

import io.calicogitops.fleet.ClusterProfile;

import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/** Everything rendered for one cluster: the overlays applied, the resources, and the files of {@code clusters/<name>/}. */
public record ClusterRender(ClusterProfile profile, List<Overlay> overlays, List<String> packs,
                            List<RenderedResource> resources, SortedMap<String, byte[]> files) {

    public ClusterRender {
        overlays = List.copyOf(overlays);
        packs = List.copyOf(packs);
        resources = List.copyOf(resources);
        files = new TreeMap<>(files);
    }

    public String folder() {
        return "clusters/" + profile.name();
    }
}
