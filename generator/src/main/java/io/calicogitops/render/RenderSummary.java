package io.calicogitops.render;

import io.calicogitops.git.FileChange;

import java.io.PrintWriter;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** The summary table of a render: what {@code render} and the demo print after writing the repository. */
public final class RenderSummary {

    private RenderSummary() {
    }

    /** One row per rendered cluster (overlays, resources, files added/changed/removed), then the clusters removed from the fleet. */
    public static void print(PrintWriter out, List<ClusterRender> clusters, List<FileChange> changes) {
        String fmt = "%-20s %-40s %9s %6s %8s %8s%n";
        out.printf(fmt, "CLUSTER", "OVERLAYS", "RESOURCES", "ADDED", "CHANGED", "REMOVED");
        // Counted in one pass: a fleet of hundreds of clusters has tens of thousands of changed files.
        Map<String, Map<FileChange.Type, Long>> counts = new TreeMap<>();
        for (FileChange ch : changes) {
            counts.computeIfAbsent(ch.path().split("/")[1], k -> new EnumMap<>(FileChange.Type.class))
                    .merge(ch.type(), 1L, Long::sum);
        }
        Set<String> rendered = new HashSet<>();
        for (ClusterRender c : clusters) {
            rendered.add(c.profile().name());
            Map<FileChange.Type, Long> n = counts.getOrDefault(c.profile().name(), Map.of());
            out.printf(fmt, c.profile().name(),
                    String.join(",", c.overlays().stream().map(Overlay::name).toList()),
                    c.resources().size(),
                    n.getOrDefault(FileChange.Type.ADDED, 0L),
                    n.getOrDefault(FileChange.Type.MODIFIED, 0L),
                    n.getOrDefault(FileChange.Type.REMOVED, 0L));
        }
        changes.stream().map(ch -> ch.path().split("/")[1]).distinct()
                .filter(name -> !rendered.contains(name))
                .forEach(name -> out.printf(fmt, name, "(removed from fleet)", 0, 0, 0,
                        counts.get(name).getOrDefault(FileChange.Type.REMOVED, 0L)));
    }
}
