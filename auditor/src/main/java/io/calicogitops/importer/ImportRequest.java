package io.calicogitops.importer;

import io.calicogitops.audit.LiveReader;

import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Function;

/**
 * What {@link Importer} brings into Git: the cluster's name and where its live state comes from, the fleet folder and
 * the repository, the provider the profile names, whether an existing profile may be replaced, whether a pack that
 * renders a live object under another name is taken with the live name kept ({@code adoptNames}), and how paths are
 * shown.
 */
public record ImportRequest(String cluster, LiveReader live, Path fleetDir, Path repoDir, String provider, boolean force,
                            boolean adoptNames, Function<Path, String> display) {

    public ImportRequest {
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(live, "live");
        Objects.requireNonNull(fleetDir, "fleetDir");
        Objects.requireNonNull(repoDir, "repoDir");
        provider = provider == null ? "EKS" : provider;
        display = display == null ? Path::toString : display;
    }
}
