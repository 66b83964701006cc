package io.calicogitops.fleet;

import io.calicogitops.diag.Diagnostics;
import io.calicogitops.diag.SourceLocation;
import io.calicogitops.diag.UsageException;
import io.calicogitops.yaml.InputFolder;
import io.calicogitops.yaml.YamlDocument;
import io.calicogitops.yaml.YamlReader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The clusters of a fleet folder: one profile document per {@code *.yaml}/{@code *.yml} file, sorted by name.
 * {@code broken} names the clusters whose profile had errors and holds a best-effort reading (defaults where a value
 * was wrong): good enough to find the next stages' problems in the same run, never to write anything from.
 */
public record Fleet(Path dir, List<ClusterProfile> clusters, Set<String> broken) {

    public Fleet {
        clusters = List.copyOf(clusters);
        broken = Set.copyOf(broken);
    }

    /** A fleet whose every profile read without errors. */
    public Fleet(Path dir, List<ClusterProfile> clusters) {
        this(dir, clusters, Set.of());
    }

    /** Whether this cluster's profile had errors (its reading is best effort). */
    public boolean isBroken(ClusterProfile cluster) {
        return broken.contains(cluster.name());
    }

    /**
     * Loads every profile, collecting all problems of all files before failing.
     * @param display how paths are shown in diagnostics (relative to where the user runs the tool)
     * @param diagnostics receives warnings too; errors are thrown as one {@code InvalidInputException}
     */
    public static Fleet load(Path dir, java.util.function.Function<Path, String> display, Diagnostics diagnostics) {
        Fleet fleet = read(dir, display, diagnostics);
        diagnostics.throwIfErrors("fleet");
        return fleet;
    }

    /**
     * Reads every profile without failing on bad input: errors go to {@code diagnostics} and the profiles they touch
     * are kept best effort and marked {@link #broken()}, so that a caller can go on to report the later stages'
     * problems too (all errors in one run, as a compiler does). The caller must not write anything when
     * {@code diagnostics} holds errors. A missing or unlistable folder is still a usage error.
     */
    public static Fleet read(Path dir, java.util.function.Function<Path, String> display, Diagnostics diagnostics) {
        if (!Files.isDirectory(dir)) {
            throw new UsageException("fleet folder not found: " + dir);
        }
        List<Path> files;
        try {
            files = InputFolder.files(dir, 1, p -> p.getFileName().toString().matches(".*\\.ya?ml"), display, diagnostics)
                    .stream().sorted(Comparator.comparing(p -> p.getFileName().toString())).toList();
        } catch (IOException e) {
            throw new UsageException("cannot list fleet folder " + dir + ": " + e.getMessage());
        }
        if (files.isEmpty()) {
            diagnostics.error(SourceLocation.of(display.apply(dir)), "no cluster profiles (*.yaml) in the fleet folder");
        }
        YamlReader reader = new YamlReader();
        List<ClusterProfile> clusters = new ArrayList<>();
        Map<String, SourceLocation> seen = new HashMap<>();
        Set<String> broken = new HashSet<>();
        for (Path file : files) {
            String shown = display.apply(file);
            int before = diagnostics.errorCount();
            List<YamlDocument> docs = reader.readFile(file, shown, diagnostics);
            if (docs.size() > 1) {
                diagnostics.error(SourceLocation.of(shown, docs.get(1).line(), 1),
                        "a profile file holds one cluster; found " + docs.size() + " documents",
                        "put each cluster in its own file");
            }
            if (docs.isEmpty()) {
                continue;
            }
            ProfileReader.read(docs.get(0), diagnostics).ifPresent(p -> {
                SourceLocation first = seen.putIfAbsent(p.name(), p.origin());
                if (first != null) {
                    diagnostics.error(p.origin(), "cluster '" + p.name() + "' is already defined at " + first);
                } else {
                    clusters.add(p);
                    if (diagnostics.errorCount() > before) {
                        broken.add(p.name());
                    }
                }
            });
        }
        clusters.sort(Comparator.comparing(ClusterProfile::name));
        return new Fleet(dir, clusters, broken);
    }

    /** The cluster of that name, or a usage error listing the names there are. */
    public ClusterProfile cluster(String name) {
        return clusters.stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new UsageException("no cluster '" + name + "' in " + dir + " (clusters: "
                        + String.join(", ", clusters.stream().map(ClusterProfile::name).toList()) + ")"));
    }
}
